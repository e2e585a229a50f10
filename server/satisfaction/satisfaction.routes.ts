import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import {
  SatisfactionDueListSchema,
  SatisfactionDueQuerySchema,
  SatisfactionGuideListSchema,
  SatisfactionInputSchema,
  SatisfactionInterviewListSchema,
  SatisfactionInterviewSchema,
} from '../../core/satisfaction/satisfaction.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { customerInterviews, recordSatisfaction, satisfactionDue, satisfactionGuides } from './satisfaction.service.ts';

const tags = ['satisfaction'];
const Refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export const satisfactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/satisfaction/due',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The customers whose satisfaction interview is due (today, or the date given), the longest waiting first',
        querystring: SatisfactionDueQuerySchema,
        response: { 200: SatisfactionDueListSchema, ...Refusals },
      },
    },
    async (request) => ({
      items: await satisfactionDue(app.db, request.query.date ?? parisNow(app.clock.now()).date, request.query.assistantId),
    }),
  );

  app.get(
    '/api/satisfaction/guides',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Each typology’s interview rhythm, questions and low score',
        response: { 200: SatisfactionGuideListSchema, ...Refusals },
      },
    },
    async () => ({ items: await satisfactionGuides(app.db) }),
  );

  app.get(
    '/api/customers/:id/satisfaction',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The customer's last satisfaction interviews and settled complaints' questions, the latest first",
        params: IdParams,
        response: { 200: SatisfactionInterviewListSchema, ...Refusals, 404: ProblemSchema },
      },
    },
    async (request) => ({ items: await customerInterviews(app.db, request.params.id) }),
  );

  app.post(
    '/api/customers/:id/satisfaction',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: "Record a satisfaction interview (or a settled complaint's one question); a low score opens the manager's follow-up",
        params: IdParams,
        body: SatisfactionInputSchema,
        response: { 201: SatisfactionInterviewSchema, ...Refusals, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordSatisfaction(app.db, currentUser(request).id, request.params.id, request.body, app.clock.now())),
  );
};
