import type { Insertable, Updateable } from 'kysely';
import type { ChangeRequestStatus } from '../../core/orders/change-requests.schemas.ts';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { OrderChangeRequestsTable } from './orders.table.ts';

/** Change requests with their order and who asked and answered, by names. */
function selectRequests(db: DbOrTrx) {
  return db
    .selectFrom('orderChangeRequests')
    .innerJoin('orders', 'orders.id', 'orderChangeRequests.orderId')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .leftJoin('users as asker', 'asker.id', 'orderChangeRequests.requestedBy')
    .leftJoin('users as decider', 'decider.id', 'orderChangeRequests.decidedBy')
    .selectAll('orderChangeRequests')
    .select([
      'orders.number as orderNumber',
      'orders.status as orderStatus',
      'orders.customerId',
      'customers.name as customerName',
      'asker.name as requestedByName',
      'decider.name as decidedByName',
    ]);
}
export type ChangeRequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

export function findChangeRequestRow(db: DbOrTrx, id: number): Promise<ChangeRequestRow | undefined> {
  return selectRequests(db).where('orderChangeRequests.id', '=', id).executeTakeFirst();
}

/** One order's requests, newest first. */
export function listOrderChangeRequestRows(db: DbOrTrx, orderId: number): Promise<ChangeRequestRow[]> {
  return selectRequests(db)
    .where('orderChangeRequests.orderId', '=', orderId)
    .orderBy('orderChangeRequests.id', 'desc')
    .limit(20)
    .execute();
}

/** The queue: requests of one status (all without), oldest first, one page, and how many there are. */
export async function listChangeRequestRows(db: DbOrTrx, filter: { status?: ChangeRequestStatus; limit: number; offset: number }) {
  let count = db.selectFrom('orderChangeRequests').select((eb) => eb.fn.countAll<number>().as('total'));
  let rows = selectRequests(db);
  if (filter.status) {
    count = count.where('status', '=', filter.status);
    rows = rows.where('orderChangeRequests.status', '=', filter.status);
  }
  const [{ total }, items] = await Promise.all([
    count.executeTakeFirstOrThrow(),
    rows.orderBy('orderChangeRequests.requestedAt').orderBy('orderChangeRequests.id').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { rows: items, total: Number(total) };
}

export function findPendingChangeRequestId(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('orderChangeRequests')
    .select('id')
    .where('orderId', '=', orderId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function insertChangeRequest(trx: Trx, values: Insertable<OrderChangeRequestsTable>): Promise<number> {
  const row = await trx.insertInto('orderChangeRequests').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Answers a request still pending; false when another manager answered first. */
export async function decideChangeRequest(
  trx: Trx,
  id: number,
  decision: Pick<Updateable<OrderChangeRequestsTable>, 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('orderChangeRequests')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
