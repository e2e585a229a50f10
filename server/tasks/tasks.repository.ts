import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { TasksTable } from './tasks.table.ts';

export type TaskFilter = { status?: string; assigneeId?: number; customerId?: number; kind?: string; complaintId?: number };

/** Tasks with their customer's and assignee's names: most urgent first, then the earliest due. */
export function listTaskRows(db: DbOrTrx, filter: TaskFilter) {
  let q = db
    .selectFrom('tasks')
    .leftJoin('customers', 'customers.id', 'tasks.customerId')
    .leftJoin('users', 'users.id', 'tasks.assigneeId')
    .leftJoin('products', 'products.id', 'tasks.productId')
    .selectAll('tasks')
    .select([
      'customers.name as customerName',
      'customers.code as customerCode',
      'users.name as assigneeName',
      'products.code as productCode',
    ]);
  if (filter.status) q = q.where('tasks.status', '=', filter.status);
  if (filter.assigneeId !== undefined) q = q.where('tasks.assigneeId', '=', filter.assigneeId);
  if (filter.customerId !== undefined) q = q.where('tasks.customerId', '=', filter.customerId);
  if (filter.kind) q = q.where('tasks.kind', '=', filter.kind);
  if (filter.complaintId !== undefined) q = q.where('tasks.complaintId', '=', filter.complaintId);
  return q.orderBy('tasks.priority').orderBy('tasks.dueDate').orderBy('tasks.id').limit(500).execute();
}

export type TaskListRow = Awaited<ReturnType<typeof listTaskRows>>[number];

export async function findTaskRow(db: DbOrTrx, id: number): Promise<TaskListRow | undefined> {
  return db
    .selectFrom('tasks')
    .leftJoin('customers', 'customers.id', 'tasks.customerId')
    .leftJoin('users', 'users.id', 'tasks.assigneeId')
    .leftJoin('products', 'products.id', 'tasks.productId')
    .selectAll('tasks')
    .select([
      'customers.name as customerName',
      'customers.code as customerCode',
      'users.name as assigneeName',
      'products.code as productCode',
    ])
    .where('tasks.id', '=', id)
    .executeTakeFirst();
}

export function findOpenTaskByKey(db: DbOrTrx, kind: string, dedupeKey: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'dataJson'])
    .where('kind', '=', kind)
    .where('dedupeKey', '=', dedupeKey)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function insertTask(db: DbOrTrx, values: Insertable<TasksTable>): Promise<number> {
  const row = await db.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTask(db: DbOrTrx, id: number, values: Updateable<TasksTable>): Promise<void> {
  await db.updateTable('tasks').set(values).where('id', '=', id).execute();
}
