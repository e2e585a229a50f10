import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { registerAuth } from './auth/auth.plugin.ts';
import { registerRateLimits } from './auth/rate-limits.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Engine } from './db/connect.ts';
import { lazySchemaCompilers } from './http/lazy-schema-compilers.ts';
import { registerEmptyBody } from './http/empty-body.ts';
import { problemServerOptions, registerProblemHandlers } from './http/problem.ts';
import { registerRequestTargetCheck } from './http/request-target.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerUrlIntegerCheck } from './http/url-integers.ts';
import { createDocumentWorker, type DocumentWorker } from './documents/document-worker.ts';
import { createOutbox, type Outbox } from './mail/outbox.ts';
import { createBackupSchedule, type BackupSchedule } from './ops/backup-schedule.ts';
import { createWeeklyReportSchedule, type WeeklyReportSchedule } from './reports/weekly-schedule.ts';
import { createLifecycle, type Lifecycle, registerLifecycle } from './ops/lifecycle.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { registerRequestObserver } from './ops/request-observer.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { apiRoutes } from './routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    engine: Engine;
    config: Config;
    outbox: Outbox;
    documentJobs: DocumentWorker;
    clock: Clock;
    metrics: Metrics;
    lifecycle: Lifecycle;
    backups: BackupSchedule;
    weeklyReports: WeeklyReportSchedule;
  }
}

export const BODY_LIMIT_BYTES = 1024 * 1024;
const WEB_DIST = path.join(PACKAGE_ROOT, 'dist/web');

/**
 * `closeDatabase`: given by serve(), which opened the database, so that it is closed last on app.close(), after
 * every job that may still write (Fastify runs onClose hooks last registered, first).
 */
export type AppOptions = {
  db: Db;
  engine: Engine;
  config: Config;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  closeDatabase?: () => Promise<void>;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: options.config.LOG_LEVEL },
    // One line per request, written by server/ops/request-observer.ts with its route and user, not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.trustProxy,
    ...problemServerOptions,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
    schemaController: lazySchemaCompilers(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const { closeDatabase } = options;
  if (closeDatabase) app.addHook('onClose', () => closeDatabase());
  app.decorate('db', options.db);
  app.decorate('engine', options.engine);
  app.decorate('config', options.config);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('outbox', createOutbox({ db: options.db, config: options.config, log: app.log, clock: app.clock }));
  // Emails are queued inside a change's transaction; once a write has answered, it has committed: send them now.
  // The outbox coalesces wake-ups, and does nothing without SMTP_URL.
  // Documents (acknowledgements, delivery notes) are queued the same way and printed by the document worker once
  // started (serve() starts it; a test drains it), which then wakes the outbox for the emails they call for.
  app.decorate(
    'documentJobs',
    createDocumentWorker({ db: options.db, log: app.log, clock: app.clock, onProduced: () => app.outbox.wake() }),
  );
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      app.documentJobs.wake();
      app.outbox.wake();
    }
  });
  app.addHook('onClose', () => app.outbox.close());
  app.addHook('onClose', () => app.documentJobs.close());
  app.decorate('metrics', createMetrics(options.db, app.clock));
  app.decorate('lifecycle', createLifecycle());
  app.decorate(
    'backups',
    createBackupSchedule({ db: options.db, engine: options.engine, config: options.config, clock: app.clock }, app.log),
  );
  app.addHook('onClose', () => app.backups.stop());
  app.decorate(
    'weeklyReports',
    createWeeklyReportSchedule({ db: options.db, config: options.config, clock: app.clock, wake: () => app.outbox.wake() }, app.log),
  );
  app.addHook('onClose', () => app.weeklyReports.stop());

  await app.register(cookie);
  await registerSecurityHeaders(app);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Carnet API',
        version: '0.1.0',
        description: 'The order desk of a B2B food manufacturer. Errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'carnet_session' } } },
      security: [{ session: [] }],
    },
  });
  const serveSpa = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  registerProblemHandlers(app, { serveSpa });
  registerRequestTargetCheck(app);
  // Before authentication: a stopping node refuses at once, and the request's log lines and queries are its own.
  registerRequestObserver(app, app.metrics);
  registerLifecycle(app, app.lifecycle);
  registerAuth(app);
  await registerRateLimits(app);
  registerUrlIntegerCheck(app);
  registerEmptyBody(app);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(apiRoutes);

  // wildcard: files are looked up per request, so a rebuilt web app is served without restarting the server.
  if (serveSpa) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
  return app;
}
