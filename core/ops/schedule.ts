import { Cron } from 'croner';

/** Backups are scheduled in the company's time: "0 2 * * *" is 2 a.m. in Paris, summer and winter. */
export const SCHEDULE_TIME_ZONE = 'Europe/Paris';

/** Whether a cron expression (5 fields, or 6 with seconds) is one croner reads. */
export function isCronExpression(expression: string): boolean {
  try {
    new Cron(expression, { paused: true, timezone: SCHEDULE_TIME_ZONE });
    return true;
  } catch {
    return false;
  }
}

/** The first instant strictly after `after` that the expression names, or null when it names none any more. */
export function nextRunAfter(expression: string, after: Date): Date | null {
  return new Cron(expression, { paused: true, timezone: SCHEDULE_TIME_ZONE }).nextRun(after);
}
