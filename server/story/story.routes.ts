import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import { CustomerStorySchema, TimelinePageSchema, TimelineQuerySchema } from '../../core/customers/timeline.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { CustomerHabitsSchema } from '../../core/story/habits.schemas.ts';
import { customerHabitsOf } from './customer-habits.ts';
import { customerStory } from './customer-story.ts';
import { customerTimeline } from './timeline.ts';

const tags = ['customers'];
const Problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The customer's whole story: what to know before speaking to him, and everything that happened, paged. */
export const storyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/customers/:id/story',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Notes for colleagues (pinned first), the mood last noted, and the customer's open complaints, risks and approvals",
        params: IdParams,
        response: { 200: CustomerStorySchema, ...Problems },
      },
    },
    async (request) => customerStory(app.db, request.params.id),
  );

  app.get(
    '/api/customers/:id/timeline',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Everything that happened to the customer, newest first, paged by a keyset on (time, kind, id)',
        params: IdParams,
        querystring: TimelineQuerySchema,
        response: { 200: TimelinePageSchema, ...Problems },
      },
    },
    async (request) => customerTimeline(app.db, request.params.id, request.query),
  );

  app.get(
    '/api/customers/:id/habits',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'His habits over about six months: usual products with their median quantity and rhythm, order days, average order, channels, last order',
        params: IdParams,
        response: { 200: CustomerHabitsSchema, ...Problems },
      },
    },
    async (request) => customerHabitsOf(app.db, request.params.id, app.clock.now()),
  );
};
