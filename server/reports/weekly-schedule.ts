import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { createCronTimer } from '../ops/cron-timer.ts';
import { currentWeek, mailWeeklyReport } from './weekly-report.ts';

type Log = { info: (o: object, m: string) => void; error: (o: object, m: string) => void };

export type WeeklyReportSchedule = ReturnType<typeof createWeeklyReportSchedule>;

/**
 * The weekly report on REPORT_CRON (Paris time; default Friday 16:00; "off": never): prints the week that holds the
 * run, queues it to every manager through the outbox, and wakes the outbox. Started by serve(); on PostgreSQL with
 * several nodes, set REPORT_CRON=off on all but one (README, Operations).
 */
export function createWeeklyReportSchedule(
  ctx: { db: Db; config: Pick<Config, 'dataDir' | 'REPORT_CRON'>; clock: Clock; wake: () => void },
  log: Log,
) {
  async function run(now = ctx.clock.now()): Promise<{ week: string; emails: number }> {
    const week = currentWeek(now);
    const emails = await mailWeeklyReport(ctx.db, ctx.config, week, now);
    ctx.wake();
    log.info({ week, emails }, 'weekly report queued to the managers');
    return { week, emails };
  }

  const schedule = createCronTimer(
    ctx.config.REPORT_CRON === 'off' ? null : ctx.config.REPORT_CRON,
    ctx.clock,
    () => run(),
    (error) => log.error({ err: error }, 'weekly report not sent'),
  );

  return {
    run,
    nextAt: schedule.nextAt,
    start: schedule.start,
    stop: schedule.stop,
  };
}
