import { PLACED_STATUSES } from '../../core/story/habits.ts';
import type { DbOrTrx } from '../db/database.ts';

// The orders his habits are read from: the window's, through the index on (customer, created_at), however long his
// history; and his latest, which may be older than the window.

export function placedOrdersSince(db: DbOrTrx, customerId: number, sinceInstant: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'createdAt', 'channel', 'netCents', 'status'])
    .where('customerId', '=', customerId)
    .where('createdAt', '>=', sinceInstant)
    .where('status', 'in', [...PLACED_STATUSES])
    .execute();
}

export function placedOrderLinesSince(db: DbOrTrx, customerId: number, sinceInstant: string) {
  return db
    .selectFrom('orderLines')
    .innerJoin('orders', 'orders.id', 'orderLines.orderId')
    .select(['orderLines.orderId', 'orderLines.productId', 'orderLines.quantity', 'orderLines.status'])
    .where('orders.customerId', '=', customerId)
    .where('orders.createdAt', '>=', sinceInstant)
    .where('orders.status', 'in', [...PLACED_STATUSES])
    .execute();
}

export function lastPlacedOrder(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'createdAt', 'channel', 'netCents', 'status'])
    .where('customerId', '=', customerId)
    .where('status', 'in', [...PLACED_STATUSES])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function productsNamed(db: DbOrTrx, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('products')
    .select(['id', 'code', 'name', 'saleUnit'])
    .where('id', 'in', [...ids])
    .execute();
}
