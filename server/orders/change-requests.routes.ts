import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CHANGE_APPROVERS, ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { ChangeRequestListSchema, ChangeRequestQuerySchema, ChangeRequestSchema } from '../../core/orders/change-requests.schemas.ts';
import { ApproveInputSchema } from '../../core/orders/findings.schemas.ts';
import { OrderChangeSchema } from '../../core/orders/orders.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import {
  approveChangeRequest,
  listChangeRequests,
  listOrderChangeRequests,
  refuseChangeRequest,
  submitChangeRequest,
} from './change-requests.ts';

const tags = ['orders'];
const readErrors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...readErrors, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema };

// A change to a confirmed or released order that needs a manager waits for one (issue 16 § 2); buyers never see it.
export const changeRequestsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/orders/:id/change-requests',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          'Submit for a manager a change the PATCH refused with 422 (same body): kept with its findings until a manager approves or refuses it; 409 when the order has shipped or already has a pending change, 422 when the change needs no manager',
        params: IdParams,
        body: OrderChangeSchema,
        response: { 201: ChangeRequestSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitChangeRequest(app.db, request.params.id, request.body, currentUser(request), app.clock.now())),
  );

  app.get(
    '/api/orders/:id/change-requests',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "An order's change requests, newest first: the pending one and the answers",
        params: IdParams,
        response: { 200: ChangeRequestListSchema, ...readErrors },
      },
    },
    async (request) => listOrderChangeRequests(app.db, request.params.id),
  );

  app.get(
    '/api/change-requests',
    {
      config: { access: CHANGE_APPROVERS },
      schema: {
        tags,
        summary:
          'Changes to confirmed orders waiting for a manager (status=pending), oldest first, with the findings and the lines before and after',
        querystring: ChangeRequestQuerySchema,
        response: { 200: ChangeRequestListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) =>
      listChangeRequests(app.db, { status: request.query.status, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );

  app.post(
    '/api/change-requests/:id/approve',
    {
      config: { access: CHANGE_APPROVERS },
      schema: {
        tags,
        summary:
          'Approve a pending change with a reason: made as PATCH /api/orders/{id} makes it (findings answered, new acknowledgement version, ORDRSP, deliveries follow); 409 saying why when the order changed or shipped since',
        params: IdParams,
        body: ApproveInputSchema,
        response: { 200: ChangeRequestSchema, ...writeErrors },
      },
    },
    async (request) => approveChangeRequest(app.db, request.params.id, currentUser(request), request.body.reason.trim(), app.clock.now()),
  );

  app.post(
    '/api/change-requests/:id/refuse',
    {
      config: { access: CHANGE_APPROVERS },
      schema: {
        tags,
        summary: 'Refuse a pending change with a reason: the order stays as it is; the assistant who asked is told',
        params: IdParams,
        body: ApproveInputSchema,
        response: { 200: ChangeRequestSchema, ...writeErrors },
      },
    },
    async (request) => refuseChangeRequest(app.db, request.params.id, currentUser(request), request.body.reason.trim(), app.clock.now()),
  );
};
