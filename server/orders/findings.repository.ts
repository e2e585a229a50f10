import type { Insertable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import type { OrderFindingsTable } from './orders.table.ts';

export type NewFindingRow = Insertable<OrderFindingsTable>;

/** One statement for all of an order's findings (a few for a batch of orders). */
export async function insertFindings(trx: Trx, rows: readonly NewFindingRow[]): Promise<void> {
  await insertRows(trx, 'orderFindings', rows);
}

export async function deleteFindings(trx: Trx, orderId: number): Promise<void> {
  await trx.deleteFrom('orderFindings').where('orderId', '=', orderId).execute();
}

/** The findings of some orders with the name of whoever approved or overrode them, most severe first as stored. */
export async function listFindingRows(db: DbOrTrx, orderIds: readonly number[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('orderFindings')
    .leftJoin('users', 'users.id', 'orderFindings.overriddenBy')
    .selectAll('orderFindings')
    .select('users.name as overriddenByName')
    .where('orderFindings.orderId', 'in', [...orderIds])
    .orderBy('orderFindings.orderId')
    .orderBy('orderFindings.id')
    .execute();
}
export type FindingRow = Awaited<ReturnType<typeof listFindingRows>>[number];

/** Marks findings as approved / overridden, only those still open: a second manager does not rewrite the first's reason. */
export async function resolveFindings(
  trx: Trx,
  ids: readonly number[],
  by: { userId: number; at: string; reason: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('orderFindings')
    .set({ overriddenBy: by.userId, overriddenAt: by.at, overrideReason: by.reason })
    .where('id', 'in', [...ids])
    .where('overriddenAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Drafts waiting for a manager: at least one approval or block finding nobody answered, oldest first. Returns
 * the order ids in that order, and how many there are.
 */
export async function listWaitingOrderIds(db: DbOrTrx, page: { limit: number; offset: number }) {
  const waiting = db
    .selectFrom('orders')
    .where('orders.status', '=', 'draft')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('orderFindings')
          .select('orderFindings.id')
          .whereRef('orderFindings.orderId', '=', 'orders.id')
          .where('orderFindings.severity', 'in', ['block', 'approval'])
          .where('orderFindings.overriddenAt', 'is', null),
      ),
    );
  const [{ total }, rows] = await Promise.all([
    waiting.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    waiting.select('orders.id').orderBy('orders.createdAt').orderBy('orders.id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(total) };
}
