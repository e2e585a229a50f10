import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { countHit, forgetEndedWindows } from './rate-limit.repository.ts';

/**
 * Rate limits per route class, counted in the database so that every node of the app shares them (Redis is not
 * part of Carnet): logging in (per address), writes (per user), and ordering from the portal (per buyer). Reads
 * are not limited. Figures per minute; an answer over the limit is a 429 problem with Retry-After.
 */
export const RATE_LIMITS = {
  login: { max: 60, per: 'address' },
  write: { max: 3000, per: 'user' },
  'portal-order': { max: 120, per: 'user' },
} as const;
export type RateClass = keyof typeof RATE_LIMITS;
const WINDOW_MS = 60_000;

/** The class of a route, from its method and URL, and for portal ordering who calls. */
function rateClassOf(method: string, url: string): RateClass | null {
  if (method === 'POST' && (url === '/api/auth/login' || url.startsWith('/api/auth/links/'))) return 'login';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  return 'write';
}
const PORTAL_ORDERING = new Set(['/api/orders', '/api/orders/quote']);

function databaseStore(db: Db, clock: Clock): FastifyRateLimitStoreCtor {
  let calls = 0;
  class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = clock.now();
      const resetsAt = new Date(now.getTime() + timeWindow).toISOString();
      const prune = ++calls % 1000 === 0 ? forgetEndedWindows(db, new Date(now.getTime() - WINDOW_MS).toISOString()) : Promise.resolve();
      countHit(db, key, now.toISOString(), resetsAt)
        .then(async (row) => {
          await prune;
          callback(null, { current: row.hits, ttl: Math.max(0, new Date(row.resetsAt).getTime() - now.getTime()) });
        })
        .catch((error: Error) => callback(error));
    }
    child(): FastifyRateLimitStore {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}

function keyOf(request: FastifyRequest, rateClass: RateClass): string {
  const who = RATE_LIMITS[rateClass].per === 'user' && request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
  return `${rateClass}:${who}`;
}

/**
 * Registered before the routes: each /api route gets its class's limit. The limit runs after authentication
 * (a route's own hooks come after the app's), so a write is counted against its user.
 */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.config?.rateLimit !== undefined) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const rateClass = methods.map((m) => rateClassOf(m, route.url)).find((c) => c !== null);
    if (!rateClass) {
      route.config = { ...route.config, rateLimit: false };
      return;
    }
    const portal = rateClass === 'write' && PORTAL_ORDERING.has(route.url);
    const classOf = (request: FastifyRequest): RateClass => (portal && request.user?.role === 'buyer' ? 'portal-order' : rateClass);
    route.config = {
      ...route.config,
      rateLimit: {
        max: (request: FastifyRequest) => RATE_LIMITS[classOf(request)].max,
        timeWindow: WINDOW_MS,
        keyGenerator: (request: FastifyRequest) => keyOf(request, classOf(request)),
      },
    };
  });
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(app.db, app.clock),
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Too many requests; try again in ${context.after}.`, [], {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}
