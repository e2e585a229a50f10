import type { Bilingual } from '../../core/shared/bilingual.ts';
import type { Task } from '../../core/tasks/tasks.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import {
  findOpenTaskByKey,
  findTaskRow,
  insertTask,
  listTaskRows,
  type TaskFilter,
  type TaskListRow,
  updateTask,
} from './tasks.repository.ts';

function toTask(r: TaskListRow): Task {
  return {
    id: r.id,
    kind: r.kind,
    customerId: r.customerId,
    customerCode: r.customerCode,
    customerName: r.customerName,
    title: { fr: r.titleFr, en: r.titleEn },
    reason: { fr: r.reasonFr, en: r.reasonEn },
    priority: r.priority,
    dueDate: r.dueDate,
    estimatedMinutes: r.estimatedMinutes,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    status: r.status,
    orderId: r.orderId,
    productId: r.productId,
    productCode: r.productCode,
    deliveryPointId: r.deliveryPointId,
    complaintId: r.complaintId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    doneAt: r.doneAt,
  };
}

export async function listTasks(db: DbOrTrx, filter: TaskFilter): Promise<Task[]> {
  return (await listTaskRows(db, filter)).map(toTask);
}

export async function getTask(db: DbOrTrx, id: number): Promise<Task> {
  const row = await findTaskRow(db, id);
  if (!row) throw notFound('Task', id);
  return toTask(row);
}

/**
 * What a feature says about a task it raises. `dedupeKey` names the situation (a delivery point's low stock): while a
 * task for it is open, raising it again refreshes that task (reason, priority, due date) instead of adding another.
 */
export type TaskInput = {
  kind: string;
  dedupeKey: string;
  customerId: number | null;
  title: Bilingual;
  reason: Bilingual;
  priority: number;
  dueDate: string | null;
  estimatedMinutes: number | null;
  assigneeId: number | null;
  orderId?: number | null;
  productId?: number | null;
  deliveryPointId?: number | null;
  complaintId?: number | null;
  data?: unknown;
};

export async function raiseTask(db: DbOrTrx, input: TaskInput, at: Date): Promise<{ id: number; created: boolean }> {
  const now = at.toISOString();
  const values = {
    customerId: input.customerId,
    titleFr: input.title.fr,
    titleEn: input.title.en,
    reasonFr: input.reason.fr,
    reasonEn: input.reason.en,
    priority: input.priority,
    dueDate: input.dueDate,
    estimatedMinutes: input.estimatedMinutes,
    assigneeId: input.assigneeId,
    orderId: input.orderId ?? null,
    productId: input.productId ?? null,
    deliveryPointId: input.deliveryPointId ?? null,
    complaintId: input.complaintId ?? null,
    dataJson: input.data === undefined ? null : JSON.stringify(input.data),
    updatedAt: now,
  };
  const open = await findOpenTaskByKey(db, input.kind, input.dedupeKey);
  if (open) {
    await updateTask(db, open.id, values);
    return { id: open.id, created: false };
  }
  const id = await insertTask(db, {
    ...values,
    kind: input.kind,
    dedupeKey: input.dedupeKey,
    status: 'open',
    createdAt: now,
    doneAt: null,
    doneBy: null,
  });
  return { id, created: true };
}

/** The situation is over (the stock came back): its open task closes by itself, nobody's doing. */
export async function resolveTask(db: DbOrTrx, kind: string, dedupeKey: string, at: Date): Promise<void> {
  const open = await findOpenTaskByKey(db, kind, dedupeKey);
  if (open) await updateTask(db, open.id, { status: 'done', doneAt: at.toISOString(), doneBy: null, updatedAt: at.toISOString() });
}

export async function markTaskDone(db: DbOrTrx, id: number, userId: number, at: Date): Promise<Task> {
  const task = await getTask(db, id);
  if (task.status === 'done') return task;
  const now = at.toISOString();
  await updateTask(db, id, { status: 'done', doneAt: now, doneBy: userId, updatedAt: now });
  await recordAudit(db, {
    entityType: 'task',
    entityId: id,
    action: 'done',
    userId,
    before: { status: task.status },
    after: { status: 'done' },
    at: now,
  });
  return getTask(db, id);
}
