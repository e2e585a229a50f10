import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { Id, IdParams, IsoDateString, literals, Nullable, ProblemSchema, Text } from '../../core/shared/schemas.ts';
import { TASK_STATUSES } from '../../core/tasks/task.ts';
import { listTasks, markTaskDone } from './tasks.service.ts';

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
export const TaskSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'what raised it, e.g. low-customer-stock' }),
  customerId: Nullable(Type.Integer()),
  customerCode: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  title: Bilingual,
  reason: Bilingual,
  priority: Type.Integer({ description: '1 most urgent … 5' }),
  dueDate: Nullable(IsoDateString),
  estimatedMinutes: Nullable(Type.Integer()),
  assigneeId: Nullable(Type.Integer()),
  assigneeName: Nullable(Type.String()),
  status: Type.String(),
  orderId: Nullable(Type.Integer()),
  productId: Nullable(Type.Integer()),
  productCode: Nullable(Type.String()),
  deliveryPointId: Nullable(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  doneAt: Nullable(Type.String()),
});

const TaskQuery = Type.Object({
  status: Type.Optional(literals(TASK_STATUSES)),
  assigneeId: Type.Optional(Id),
  customerId: Type.Optional(Id),
  kind: Type.Optional(Text(60)),
});

const tags = ['tasks'];

export const tasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tasks',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Tasks, most urgent first', querystring: TaskQuery, response: { 200: Type.Object({ items: Type.Array(TaskSchema) }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema } },
    },
    async (request) => ({ items: await listTasks(app.db, request.query) }),
  );

  app.post(
    '/api/tasks/:id/done',
    { config: { access: ORDER_DESK }, schema: { tags, summary: 'Mark a task done', params: IdParams, response: { 200: TaskSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema } } },
    async (request) => markTaskDone(app.db, request.params.id, currentUser(request).id, app.clock.now()),
  );
};
