import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  ProductionShortfallAnswerSchema,
  ProductionShortfallInputSchema,
  ProductionShortfallListSchema,
} from '../../core/stock/production-shortfall.schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { createShortfall, endShortfall, listShortfalls } from './production-shortfalls.service.ts';

const tags = ['stock'];
const Read = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** The plant rings the desk: the assistant (or the manager) enters the shortfall, and sees the orders it puts at risk. */
export const productionShortfallRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/production-shortfalls',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Production shortfalls, latest first, with where each stands today (upcoming, ongoing, over)',
        response: { 200: ProductionShortfallListSchema, ...Read },
      },
    },
    async () => ({ items: await listShortfalls(app.db, app.clock.now()) }),
  );

  app.post(
    '/api/production-shortfalls',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          "Enter a production shortfall (a product's output for a warehouse cut by a share over a period); the risk scan runs and the answer counts the orders at risk",
        body: ProductionShortfallInputSchema,
        response: { 201: ProductionShortfallAnswerSchema, ...Read },
      },
    },
    async (request, reply) => reply.status(201).send(await createShortfall(app.db, request.body, currentUser(request).id, app.clock.now())),
  );

  app.post(
    '/api/production-shortfalls/:id/end',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Output is back today: end the shortfall; the risk scan runs again',
        params: IdParams,
        response: { 200: ProductionShortfallAnswerSchema, ...Read, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => endShortfall(app.db, request.params.id, currentUser(request).id, app.clock.now()),
  );
};
