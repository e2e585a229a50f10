import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * /metrics opens to Prometheus on this machine (the socket's own address, never X-Forwarded-For, and not through a
 * local proxy, which would make every client look local), or to anyone with METRICS_TOKEN as a bearer token.
 */
export function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  const direct = LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
  if (direct) return true;
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
