import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role, SessionUser } from '../../core/auth/roles.ts';
import { AppError } from '../errors.ts';
import { sessionFromToken } from './auth.service.ts';
import { registerBuyerScope } from './buyer-scope.ts';

export const SESSION_COOKIE = 'carnet_session';
export type Access = 'public' | readonly Role[];
/** One /api route and who may call it, as registered: what the authorization tests walk through. */
export type RouteAccess = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: 'public', or the roles allowed. Every /api route must say. */
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its access rule, filled as routes register (HEAD twins of GET routes left out). */
    readonly apiRouteAccess: readonly RouteAccess[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The current user, or a 401: for handlers behind a role check, where a user is certain. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  return request.user;
}

/**
 * Authentication, CSRF and role checks for every /api route, in one place. A route without an `access` setting
 * refuses to register, so no route can be left open by forgetting.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);

  const registered: RouteAccess[] = [];
  app.decorate('apiRouteAccess', registered);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (methods.length === 0) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule`);
    // A route open to buyers says which customer's rows she may touch there (buyer-scope.ts): checked in one place.
    if (access !== 'public' && access.includes('buyer') && !route.config?.buyerScope)
      throw new Error(`Route ${methods.join(',')} ${route.url} admits buyers but declares no buyerScope`);
    for (const method of methods) registered.push({ method, url: route.url, access });
  });

  // Decided on the route that matched, never on the URL as written: the router finds `/api/orders` for
  // `http://host/api/orders` or other spellings too, and whatever reaches an /api handler has passed its rule.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) {
      // Registration refuses an /api route without a rule; should one slip through, it is closed, not open.
      if (request.routeOptions.url?.startsWith('/api')) throw new AppError('FORBIDDEN', 'This route declares no access rule.');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionFromToken(app.db, token, app.clock.now()) : null;
    if (session) {
      request.user = session.user;
      request.sessionId = session.sessionId;
    }
    if (access === 'public') return;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Log in first.');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new AppError('CSRF', 'Missing or wrong X-CSRF-Token header.');
      }
    }
    if (!access.includes(session.user.role)) {
      throw new AppError('FORBIDDEN', `Your role (${session.user.role}) may not do this.`);
    }
  });
  registerBuyerScope(app);
}
