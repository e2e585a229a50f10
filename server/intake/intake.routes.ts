import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import {
  DismissInputSchema,
  DraftInputSchema,
  IntakeDetailSchema,
  IntakeQuerySchema,
  IntakeQueueSchema,
} from '../../core/intake/intake.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { confirmIntake, dismissIntake, draftFromIntake, intakeDetail, intakeQueue } from './intake.service.ts';

const tags = ['intake'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/intake',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: '"À saisir": emails and faxes waiting, EDI messages waiting (linked to the EDI queue), portal orders waiting',
        querystring: IntakeQuerySchema,
        response: { 200: IntakeQueueSchema, ...errors },
      },
    },
    async (request) => intakeQueue(app.db, request.query),
  );

  app.get(
    '/api/intake/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "An email or fax as received: its parts' text (body, PDF, OCR), the sender matched, the values found and where",
        params: IdParams,
        response: { 200: IntakeDetailSchema, ...errors },
      },
    },
    async (request) => intakeDetail(app.db, request.params.id),
  );

  app.post(
    '/api/intake/:id/draft',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Creates or refreshes the draft order of an email or fax, from what was found or from the order typed beside it',
        params: IdParams,
        body: DraftInputSchema,
        response: { 200: IntakeDetailSchema, ...errors },
      },
    },
    async (request) => draftFromIntake(app.db, request.params.id, request.body ?? {}, currentUser(request), app.clock.now()),
  );

  app.post(
    '/api/intake/:id/confirm',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: "Confirms its draft (every rule runs), answers the sender with the acknowledgement, remembers the desk's corrections",
        params: IdParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: IntakeDetailSchema, ...errors },
      },
    },
    async (request) => confirmIntake(app.db, request.params.id, currentUser(request), app.clock.now()),
  );

  app.post(
    '/api/intake/:id/dismiss',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: '"Not an order": it leaves the queue and is kept, with the reason',
        params: IdParams,
        body: DismissInputSchema,
        response: { 200: IntakeDetailSchema, ...errors },
      },
    },
    async (request) => dismissIntake(app.db, request.params.id, request.body, currentUser(request), app.clock.now()),
  );
};
