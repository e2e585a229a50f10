import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { lastGoodBackupAt, listBackupRuns, queueDepths } from './ops.repository.ts';

/**
 * What /metrics shows, in the Prometheus text format (prom-client). One registry per app, not the library's global
 * one: the tests build many apps in one process. Queue depths and the backup's age are read from the database when
 * Prometheus scrapes, so every node of an installation reports the same truth.
 */
export function createMetrics(db: Db, clock: Clock) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'carnet_' });
  const ageOf = (iso: string | null) => (iso === null ? 0 : Math.max(0, (clock.now().getTime() - new Date(iso).getTime()) / 1000));

  const httpRequests = new Counter({
    name: 'carnet_http_requests_total',
    help: 'HTTP requests answered, by method, route (its template) and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'carnet_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpErrors = new Counter({
    name: 'carnet_http_errors_total',
    help: 'HTTP requests answered with a server error (5xx), by route',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  const dbDuration = new Histogram({
    name: 'carnet_db_query_duration_seconds',
    help: 'Time the database took per query',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });
  const riskScan = new Histogram({
    name: 'carnet_risk_scan_duration_seconds',
    help: 'Time one risk scan took',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120],
    registers: [registry],
  });

  new Gauge({
    name: 'carnet_queue_depth',
    help: 'Items waiting: emails in the outbox, EDI messages queued for the desk, EDI files not yet written out',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const depths = await queueDepths(db);
      this.set({ queue: 'outbox' }, depths.outbox.count);
      this.set({ queue: 'edi_inbound' }, depths.ediInbound.count);
      this.set({ queue: 'edi_outbound' }, depths.ediOutbound.count);
    },
  });
  new Gauge({
    name: 'carnet_queue_oldest_age_seconds',
    help: 'How long the oldest waiting item of each queue has waited (0 when the queue is empty)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const depths = await queueDepths(db);
      this.set({ queue: 'outbox' }, ageOf(depths.outbox.oldest));
      this.set({ queue: 'edi_inbound' }, ageOf(depths.ediInbound.oldest));
      this.set({ queue: 'edi_outbound' }, ageOf(depths.ediOutbound.oldest));
    },
  });
  new Gauge({
    name: 'carnet_backup_last_success_age_seconds',
    help: 'Seconds since the newest backup that passed its check was taken (-1: none yet)',
    registers: [registry],
    async collect() {
      const at = await lastGoodBackupAt(db);
      this.set(at === null ? -1 : ageOf(at));
    },
  });
  new Gauge({
    name: 'carnet_backup_last_ok',
    help: '1 when the latest backup passed its check, 0 when it failed (-1: none yet)',
    registers: [registry],
    async collect() {
      const [latest] = await listBackupRuns(db, 1);
      this.set(latest ? (latest.status === 'ok' ? 1 : 0) : -1);
    },
  });

  return {
    registry,
    observeRequest(method: string, route: string, status: number, seconds: number) {
      httpRequests.inc({ method, route, status: String(status) });
      httpDuration.observe({ method, route }, seconds);
      if (status >= 500) httpErrors.inc({ route });
    },
    observeQuery: (ms: number, failed: boolean) => dbDuration.observe({ outcome: failed ? 'error' : 'ok' }, ms / 1000),
    observeRiskScan: (seconds: number) => riskScan.observe(seconds),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
