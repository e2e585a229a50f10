import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDateString, ListOf, literals, Nullable, Text } from '../shared/schemas.ts';
import { TASK_STATUSES } from './task.ts';

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
/**
 * A call or an action for an assistant: what raised it (`kind`, e.g. `low-customer-stock`), why, how urgent
 * (1 most), by when, how long, for whom, and the records it is about. The server builds it, the task list shows it.
 */
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
  complaintId: Nullable(Type.Integer({ description: 'the complaint to answer or settle' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  doneAt: Nullable(Type.String()),
});
export type Task = Static<typeof TaskSchema>;

export const TaskQuerySchema = Type.Object({
  status: Type.Optional(literals(TASK_STATUSES)),
  assigneeId: Type.Optional(Id),
  customerId: Type.Optional(Id),
  kind: Type.Optional(Text(60)),
  complaintId: Type.Optional(Id),
});
export type TaskQuery = Static<typeof TaskQuerySchema>;

/** GET /api/tasks. */
export const TaskListSchema = ListOf(TaskSchema);
export type TaskList = Static<typeof TaskListSchema>;
