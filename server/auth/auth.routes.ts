import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SessionSchema } from '../../core/auth/auth.schemas.ts';
import { ROLES } from '../../core/auth/roles.ts';
import { ProblemSchema, Text } from '../../core/shared/schemas.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { findSessionCsrf } from './auth.repository.ts';
import { login, logout } from './auth.service.ts';

/** A browser this account logged in from before: its failed logins are counted apart from everyone else's. */
const DEVICE_COOKIE = 'carnet_device';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary:
          'Log in; sets the session cookie and returns the CSRF token for later writes. Failed logins slow the next ones: 429 with Retry-After',
        body: Type.Object({ email: Text(254, { minLength: 3 }), password: Text(200, { minLength: 1 }) }, { additionalProperties: false }),
        response: { 200: SessionSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      try {
        const result = await login(
          app.db,
          { ...request.body, ip: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] },
          app.clock.now(),
        );
        const secure = request.protocol === 'https';
        void reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          expires: result.expiresAt,
        });
        // Outlives the session: the next login from this browser is the owner's, whatever failures others caused.
        void reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/api/auth',
          expires: result.deviceExpiresAt,
        });
        return { user: result.user, csrfToken: result.csrfToken };
      } catch (error) {
        if (error instanceof AppError && error.code === 'RATE_LIMITED')
          void reply.header('retry-after', String(error.extra.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: ROLES }, schema: { tags: ['auth'], summary: 'Log out and end the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.sessionId) await logout(app.db, request.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user and the CSRF token, or 401',
        response: { 200: SessionSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      if (!request.user || !request.sessionId) throw new AppError('UNAUTHENTICATED', 'Not logged in.');
      const session = await findSessionCsrf(app.db, request.sessionId);
      return { user: request.user, csrfToken: session.csrfToken };
    },
  );
};
