import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import {
  CallInputSchema,
  CallListSchema,
  CallQuerySchema,
  CallRhythmPutSchema,
  CallSchema,
  CustomerCallRhythmSchema,
} from '../../core/calls/calls.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { customerRhythm, listCalls, putCustomerRhythm, recordCall } from './calls.service.ts';

const tags = ['calls'];
const Problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The call log and each customer's call rhythm. */
export const callsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/calls',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Log a call, in or out, with what came of it',
        body: CallInputSchema,
        response: { 201: CallSchema, ...Problems },
      },
    },
    async (request, reply) => reply.code(201).send(await recordCall(app.db, currentUser(request).id, request.body, app.clock.now())),
  );

  app.get(
    '/api/calls',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The call log, newest first: a customer's, an assistant's, between two dates, or searched",
        querystring: CallQuerySchema,
        response: { 200: CallListSchema, ...Problems },
      },
    },
    async (request) => ({ items: await listCalls(app.db, request.query) }),
  );

  app.get(
    '/api/customers/:id/call-rhythm',
    {
      config: { access: STAFF },
      schema: { tags, summary: "The customer's call rhythm", params: IdParams, response: { 200: CustomerCallRhythmSchema, ...Problems } },
    },
    async (request) => customerRhythm(app.db, request.params.id),
  );

  app.put(
    '/api/customers/:id/call-rhythm',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: "Set the customer's call rhythm (days, time window, purpose), or clear it with null",
        params: IdParams,
        body: CallRhythmPutSchema,
        response: { 200: CustomerCallRhythmSchema, ...Problems },
      },
    },
    async (request) => putCustomerRhythm(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
