import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { onQuery, type TimedQuery } from '../db/query-timing.ts';
import type { Metrics } from './metrics.ts';

/** A request slower than this logs the time of each of its queries: where the second went. */
export const SLOW_REQUEST_MS = 1000;
/** At most this many queries are kept per request (a batch may run thousands): the slowest are what matter. */
const KEPT_QUERIES = 200;

type RequestQueries = { queries: TimedQuery[]; count: number; totalMs: number };

/**
 * Each request's log lines carry its request id (Fastify's reqId), its route and, once logged in, its user id; one
 * line says how it ended (Fastify's own request lines are off: they were written before the route was known); its
 * time goes to the metrics by route; the queries it ran are timed, and logged when it was slow. The queries are
 * tied to their request by an AsyncLocalStorage entered before any other hook, so a query deep in a service needs
 * no request handed down.
 */
export function registerRequestObserver(app: FastifyInstance, metrics: Metrics): void {
  const current = new AsyncLocalStorage<RequestQueries>();
  const stopListening = onQuery(app.db, (query) => {
    metrics.observeQuery(query.ms, query.failed);
    const store = current.getStore();
    if (!store) return;
    store.count++;
    store.totalMs += query.ms;
    if (store.queries.length < KEPT_QUERIES) store.queries.push(query);
    else {
      const fastest = store.queries.reduce((low, q, i) => (q.ms < store.queries[low].ms ? i : low), 0);
      if (query.ms > store.queries[fastest].ms) store.queries[fastest] = query;
    }
  });
  app.addHook('onClose', async () => void stopListening());

  const byRequest = new WeakMap<object, RequestQueries>();
  // A callback hook, registered before any other: the rest of the request (hooks, handler) runs inside `run`.
  app.addHook('onRequest', (request, reply, done) => {
    const log = request.log.child({ route: routeOf(request.routeOptions.url) });
    request.log = log;
    reply.log = log;
    const queries: RequestQueries = { queries: [], count: 0, totalMs: 0 };
    byRequest.set(request, queries);
    current.run(queries, done);
  });

  // After authentication (onRequest): from here on, the request's lines say who made it.
  app.addHook('preValidation', async (request, reply) => {
    if (!request.user) return;
    const log = request.log.child({ userId: request.user.id });
    request.log = log;
    reply.log = log;
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, routeOf(request.routeOptions.url), reply.statusCode, reply.elapsedTime / 1000);
    const queries = byRequest.get(request);
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) request.log.error(line, 'request failed');
    else request.log.info(line, 'request completed');
    if (reply.elapsedTime > SLOW_REQUEST_MS && queries) {
      request.log.warn(
        {
          ms: Math.round(reply.elapsedTime),
          queryCount: queries.count,
          queryMs: Math.round(queries.totalMs),
          queries: [...queries.queries]
            .sort((a, b) => b.ms - a.ms)
            .map((q) => ({ ms: Math.round(q.ms * 10) / 10, sql: q.sql.slice(0, 500) })),
        },
        'slow request',
      );
    }
  });
}

/** The route's template (`/api/orders/:id`), never the URL as sent: one series per route, whatever ids are asked for. */
const routeOf = (url: string | undefined) => url ?? 'unmatched';
