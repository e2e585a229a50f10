import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MASTER_DATA_ADMINS } from '../../core/auth/roles.ts';
import { BackupOverviewSchema, BackupRunSchema, HealthSchema, ReadinessSchema } from '../../core/ops/ops.schemas.ts';
import { ProblemSchema } from '../../core/shared/schemas.ts';
import { AppError } from '../errors.ts';
import { exportArchive } from './export-archive.ts';
import { metricsAllowed } from './metrics-access.ts';
import { listBackupRuns } from './ops.repository.ts';

const tags = ['system'];
const ADMINS = MASTER_DATA_ADMINS;
/** How many past backups the admin's screen lists. */
const LISTED_RUNS = 30;

export const opsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Liveness: 503 while the server drains before it stops',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => (app.lifecycle.draining ? reply.code(503).send({ status: 'draining' as const }) : { status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Readiness: 200 once the node has started and until it drains',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const status = app.lifecycle.state();
      return reply.code(status === 'ready' ? 200 : 503).send({ status });
    },
  );

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!metricsAllowed(request, app.config.METRICS_TOKEN))
      throw new AppError('FORBIDDEN', 'Metrics are read from this machine, or with METRICS_TOKEN.');
    return reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });

  app.get(
    '/api/ops/backups',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'The backups taken, the schedule and where they go',
        response: { 200: BackupOverviewSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async () => ({
      engine: app.engine,
      directory: app.config.backupDir,
      schedule: app.config.BACKUP_CRON ?? null,
      nextAt: app.backups.nextAt()?.toISOString() ?? null,
      keep: app.config.BACKUP_KEEP,
      running: app.backups.busy,
      runs: await listBackupRuns(app.db, LISTED_RUNS),
    }),
  );

  app.post(
    '/api/ops/backups',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Back up now into BACKUP_DIR; answers once the backup is written and checked (or failed)',
        response: { 200: BackupRunSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async () => app.backups.run('admin'),
  );

  app.get(
    '/api/ops/export.zip',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Everything, as CSV files, one Excel workbook and the documents, in one .zip',
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (_request, reply) => {
      const { stream, filename } = await exportArchive(app.db, app.config.dataDir, app.clock.now());
      return reply
        .type('application/zip')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(stream);
    },
  );
};
