import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  InvitationInputSchema,
  NewStaffInputSchema,
  UserAccountListSchema,
  UserAccountSchema,
  UserPatchSchema,
} from '../../core/auth/users.schemas.ts';
import { ACCOUNT_ADMINS, CUSTOMER_EDITORS } from '../../core/auth/roles.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { createStaff, inviteBuyer, listUsers, patchUser, sendReset } from './accounts.service.ts';

const tags = ['users'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const SMALL_BODY = 16 * 1024;

/** The admin's users screen, and the manager's invitations of customers' buyers to the portal. */
export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: Parameters<typeof currentUser>[0]) => ({
    publicUrl: app.config.PUBLIC_URL,
    actor: currentUser(request),
    now: app.clock.now(),
  });

  app.get(
    '/api/users',
    {
      config: { access: [...CUSTOMER_EDITORS] },
      schema: {
        tags,
        summary: 'Every account that logs in: role, customer, state, lock, last login',
        response: { 200: UserAccountListSchema, ...errors },
      },
    },
    async () => ({ items: await listUsers(app.db) }),
  );

  app.post(
    '/api/users',
    {
      config: { access: ACCOUNT_ADMINS },
      bodyLimit: SMALL_BODY,
      schema: {
        tags,
        summary: "Open a colleague's account: she gets an emailed one-time link to choose her password",
        body: NewStaffInputSchema,
        response: { 201: UserAccountSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createStaff(app.db, request.body, ctx(request))),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ACCOUNT_ADMINS },
      bodyLimit: SMALL_BODY,
      schema: {
        tags,
        summary: 'Change a role, switch an account off or on (its sessions end), lift a lock (audited)',
        params: IdParams,
        body: UserPatchSchema,
        response: { 200: UserAccountSchema, ...errors },
      },
    },
    async (request) => patchUser(app.db, request.params.id, request.body, ctx(request)),
  );

  app.post(
    '/api/users/:id/reset',
    {
      config: { access: ACCOUNT_ADMINS },
      schema: {
        tags,
        summary: 'Email the account a one-time link to choose a new password',
        params: IdParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await sendReset(app.db, request.params.id, ctx(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/invitations',
    {
      config: { access: [...CUSTOMER_EDITORS] },
      bodyLimit: SMALL_BODY,
      schema: {
        tags,
        summary: "Invite a customer's buyer to the portal (name, email, the delivery points she orders for): a one-time link by email",
        body: InvitationInputSchema,
        response: { 201: UserAccountSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await inviteBuyer(app.db, request.body, ctx(request))),
  );
};
