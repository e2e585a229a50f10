import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CurrentSessionSchema, SessionSchema } from '../../core/auth/auth.schemas.ts';
import { ROLES } from '../../core/auth/roles.ts';
import { ProblemSchema, Text } from '../../core/shared/schemas.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { findSessionCsrf } from './auth.repository.ts';
import { changePassword, login, logout } from './auth.service.ts';
import { AccountLinkSchema, LinkTokenParams, PasswordChangeSchema, SetPasswordSchema } from '../../core/auth/users.schemas.ts';
import { readLink, setPasswordFromLink } from '../users/accounts.service.ts';

/** Account routes take a few fields: a small body limit, well under the app's 1 MB. */
const SMALL_BODY = 16 * 1024;
// Lifetimes go out as Max-Age, not Expires: a browser whose clock disagrees with the server's keeps them as long.
const secondsUntil = (at: Date, now: Date) => Math.round((at.getTime() - now.getTime()) / 1000);
const cookieOptions = (secure: boolean, expires: Date, now: Date) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/',
  maxAge: secondsUntil(expires, now),
});

/** A browser this account logged in from before: its failed logins are counted apart from everyone else's. */
const DEVICE_COOKIE = 'carnet_device';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      bodyLimit: SMALL_BODY,
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
        const now = app.clock.now();
        const result = await login(
          app.db,
          {
            ...request.body,
            ip: request.ip,
            deviceToken: request.cookies[DEVICE_COOKIE],
            previousToken: request.cookies[SESSION_COOKIE],
          },
          now,
        );
        const secure = request.protocol === 'https';
        void reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(secure, result.expiresAt, now));
        // Outlives the session: the next login from this browser is the owner's, whatever failures others caused.
        void reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/api/auth',
          maxAge: secondsUntil(result.deviceExpiresAt, now),
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
    {
      config: { access: ROLES, buyerScope: { kind: 'own-account' } },
      schema: { tags: ['auth'], summary: 'Log out and end the session on the server', response: { 204: Type.Null() } },
    },
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

  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user and the CSRF token, or nulls when nobody is: what the web app asks at start',
        response: { 200: CurrentSessionSchema },
      },
    },
    async (request) => {
      if (!request.user || !request.sessionId) return { user: null, csrfToken: null };
      const session = await findSessionCsrf(app.db, request.sessionId);
      return { user: request.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: ROLES, buyerScope: { kind: 'own-account' } },
      bodyLimit: SMALL_BODY,
      schema: {
        tags: ['auth'],
        summary: 'Change her own password (the current one proves it is her); every session of hers ends and she goes on in a new one',
        body: PasswordChangeSchema,
        response: { 200: SessionSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const now = app.clock.now();
      const next = await changePassword(app.db, user, request.body, now);
      void reply.setCookie(SESSION_COOKIE, next.token, cookieOptions(request.protocol === 'https', next.expiresAt, now));
      return { user, csrfToken: next.csrfToken };
    },
  );

  app.get(
    '/api/auth/links/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'What an emailed one-time link is for (an invitation, a reset) and whose it is; 404 once used or expired',
        params: LinkTokenParams,
        response: { 200: AccountLinkSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => readLink(app.db, request.params.token, app.clock.now()),
  );

  app.post(
    '/api/auth/links/:token',
    {
      config: { access: 'public' },
      bodyLimit: SMALL_BODY,
      schema: {
        tags: ['auth'],
        summary: 'Set the password from an emailed one-time link: used once, then she logs in',
        params: LinkTokenParams,
        body: SetPasswordSchema,
        response: { 204: Type.Null(), 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      await setPasswordFromLink(app.db, request.params.token, request.body.password, app.clock.now());
      return reply.status(204).send(null);
    },
  );
};
