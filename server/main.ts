import { loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { applyDemoMode } from './demo/demo-mode.ts';
import { stopOnSignals } from './ops/graceful-stop.ts';
import { startRiskScheduler } from './risks/risk-scheduler.ts';
import { startEdiInbox } from './edi/inbox-watcher.ts';
import { imapSettings } from './intake/intake-settings.ts';
import { intakeFolder, startIntake } from './intake/mailbox.ts';

/** Fastify's logger: JSON for collectors, readable lines (pino-pretty, in its own thread) for a person at a terminal. */
export function loggerOptions(config: Config, isTerminal = process.stdout.isTTY === true) {
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && isTerminal);
  if (!pretty) return { level: config.LOG_LEVEL };
  return {
    level: config.LOG_LEVEL,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true } },
  };
}

/** Opens the database, brings its schema up to date, loads or announces the demo (demo mode), and serves. */
export async function serve(config: Config = loadConfig()) {
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, closeDatabase: handle.close, logger: loggerOptions(config) });
  // The demo people start has its six months of history, for the figures.
  await applyDemoMode(handle.db, config.CARNET_DEMO, app.log, app.clock.now(), { history: true });
  stopOnSignals(app, config.SHUTDOWN_GRACE_SECONDS);
  // The risk scan runs in this process on a timer and after changes; on PostgreSQL several nodes may each start
  // one, and an advisory lock in the scan lets only one run at a time (server/risks/risk-scan.ts).
  if (config.RISK_SCAN_MINUTES > 0) {
    const stop = startRiskScheduler(
      handle.db,
      config.RISK_SCAN_MINUTES,
      (message, error) => app.log.error({ err: error }, message),
      app.clock,
      app.metrics.observeRiskScan,
    );
    app.addHook('onClose', stop);
  }
  // EDI drop folders: watched, and swept on a timer (EDI_INBOX_SECONDS, 0 = off).
  app.addHook('onClose', startEdiInbox(handle.db, config.EDI_INBOX_SECONDS, app.log, app.clock));
  // Orders by email and fax: the order mailbox (IMAP, when set) and DATA_DIR/intake/in (the demo's mailbox).
  app.addHook(
    'onClose',
    startIntake(
      handle.db,
      { seconds: config.INTAKE_SECONDS, imap: imapSettings(config), folder: intakeFolder(config.dataDir) },
      app.log,
      app.clock,
    ),
  );
  await app.listen({ port: config.PORT, host: config.HOST });
  // Documents left unprinted by a crash are printed now, then the loop retries what is due; likewise the emails.
  app.documentJobs.start();
  // Emails left pending by a crash or an SMTP outage go now, then the loop retries what is due.
  app.outbox.start();
  // Backups on BACKUP_CRON, if set.
  app.backups.start();
  // The weekly report to the managers on REPORT_CRON (Friday 16:00 unless set otherwise, "off": never).
  app.weeklyReports.start();
  app.lifecycle.markReady();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  app.log.info(`Carnet is ready on http://localhost:${port} (${handle.engine})`);
  return app;
}
