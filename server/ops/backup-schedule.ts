import { nextRunAfter } from '../../core/ops/schedule.ts';
import { AppError } from '../errors.ts';
import { type BackupContext, type BackupRun, takeBackup } from './take-backup.ts';

/** setTimeout's longest wait (24.8 days): a later run is reached by waking up and waiting again. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

type Log = { info: (o: object, m: string) => void; error: (o: object, m: string) => void };

/**
 * The backups a running server takes: on BACKUP_CRON (started by serve()), and when the admin asks. One at a time
 * in this process; stop() ends the schedule and waits for a backup under way. On PostgreSQL with several nodes,
 * set BACKUP_CRON on one of them (README, Operations).
 */
export function createBackupSchedule(ctx: BackupContext, log: Log) {
  let running: Promise<BackupRun> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const cron = ctx.config.BACKUP_CRON;

  async function run(trigger: 'schedule' | 'admin'): Promise<BackupRun> {
    if (running) throw new AppError('CONFLICT', 'A backup is already running: wait for it to finish.');
    running = takeBackup(ctx, trigger);
    try {
      const result = await running;
      if (result.status === 'ok')
        log.info({ backup: result.location, files: result.fileCount, bytes: result.sizeBytes }, 'backup written and checked');
      else log.error({ backup: result.location, error: result.error }, 'backup FAILED');
      return result;
    } finally {
      running = null;
    }
  }

  function nextAt(): Date | null {
    return cron ? nextRunAfter(cron, ctx.clock.now()) : null;
  }

  function arm(): void {
    const next = nextAt();
    if (stopped || !next) return;
    timer = setTimeout(
      () => {
        if (ctx.clock.now() < next) return arm();
        void run('schedule')
          .catch((error: unknown) => log.error({ err: error }, 'scheduled backup not taken'))
          .finally(arm);
      },
      Math.min(Math.max(0, next.getTime() - ctx.clock.now().getTime()), LONGEST_TIMER_MS),
    );
    timer.unref();
  }

  return {
    run,
    nextAt,
    get busy() {
      return running !== null;
    },
    start: arm,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
export type BackupSchedule = ReturnType<typeof createBackupSchedule>;
