import { nextRunAfter } from '../../core/ops/schedule.ts';
import type { Clock } from '../clock.ts';

/** setTimeout's longest wait (24.8 days): a later run is reached by waking up and waiting again. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `job` at each time a cron expression names (Paris time, core/ops/schedule.ts), on the given clock; `cron`
 * null: never. A run that fails is reported to `onError` and the next one is still armed. Shared by the backups and
 * the weekly report.
 */
export function createCronTimer(cron: string | null, clock: Clock, job: () => Promise<unknown>, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const nextAt = (): Date | null => (cron ? nextRunAfter(cron, clock.now()) : null);

  function arm(): void {
    const next = nextAt();
    if (stopped || !next) return;
    timer = setTimeout(
      () => {
        // Woken early (a wait longer than setTimeout allows, or the clock moved back): wait again.
        if (clock.now() < next) return arm();
        void job().catch(onError).finally(arm);
      },
      Math.min(Math.max(0, next.getTime() - clock.now().getTime()), LONGEST_TIMER_MS),
    );
    timer.unref();
  }

  return {
    nextAt,
    start: arm,
    stop: (): void => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
