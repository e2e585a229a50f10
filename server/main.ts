import { loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { applyDemoMode } from './demo/demo-mode.ts';
import { stopOnSignals } from './ops/graceful-stop.ts';
import { startRiskScheduler } from './risks/risk-scheduler.ts';
import { startEdiInbox } from './edi/inbox-watcher.ts';

/** Opens the database, brings its schema up to date, loads or announces the demo (demo mode), and serves. */
export async function serve(config: Config = loadConfig()) {
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, closeDatabase: handle.close });
  await applyDemoMode(handle.db, config.CARNET_DEMO, app.log, app.clock.now());
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
  await app.listen({ port: config.PORT, host: config.HOST });
  // Emails left pending by a crash or an SMTP outage go now, then the loop retries what is due.
  app.outbox.start();
  // Backups on BACKUP_CRON, if set.
  app.backups.start();
  app.lifecycle.markReady();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  app.log.info(`Carnet is ready on http://localhost:${port} (${handle.engine})`);
  return app;
}
