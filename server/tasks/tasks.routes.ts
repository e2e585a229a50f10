import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { TaskListSchema, TaskQuerySchema, TaskSchema } from '../../core/tasks/tasks.schemas.ts';
import { listTasks, markTaskDone } from './tasks.service.ts';

const tags = ['tasks'];

export const tasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tasks',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Tasks, most urgent first',
        querystring: TaskQuerySchema,
        response: { 200: TaskListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => ({ items: await listTasks(app.db, request.query) }),
  );

  app.post(
    '/api/tasks/:id/done',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Mark a task done',
        params: IdParams,
        response: { 200: TaskSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => markTaskDone(app.db, request.params.id, currentUser(request).id, app.clock.now()),
  );
};
