import { AppError } from '../errors.ts';
import { createCronTimer } from './cron-timer.ts';
import { type BackupContext, type BackupRun, takeBackup } from './take-backup.ts';

type Log = { info: (o: object, m: string) => void; error: (o: object, m: string) => void };

/**
 * The backups a running server takes: on BACKUP_CRON (started by serve()), and when the admin asks. One at a time
 * in this process; stop() ends the schedule and waits for a backup under way. On PostgreSQL with several nodes,
 * set BACKUP_CRON on one of them (README, Operations).
 */
export function createBackupSchedule(ctx: BackupContext, log: Log) {
  let running: Promise<BackupRun> | null = null;

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

  const schedule = createCronTimer(
    ctx.config.BACKUP_CRON ?? null,
    ctx.clock,
    () => run('schedule'),
    (error) => log.error({ err: error }, 'scheduled backup not taken'),
  );

  return {
    run,
    nextAt: schedule.nextAt,
    get busy() {
      return running !== null;
    },
    start: schedule.start,
    async stop(): Promise<void> {
      schedule.stop();
      await running?.catch(() => undefined);
    },
  };
}
export type BackupSchedule = ReturnType<typeof createBackupSchedule>;
