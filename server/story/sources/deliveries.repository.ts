import type { DbOrTrx } from '../../db/database.ts';
import { belowBound, type Bound, type TimelineSource } from './keyset.ts';

/** The customer's deliveries that have a time in this column, newest first; with the lines that came short. */
function readDeliveries(db: DbOrTrx, customerId: number, column: 'shippedAt' | 'deliveredAt', bound: Bound | null, limit: number) {
  return db
    .selectFrom('deliveries')
    .innerJoin('orders', 'orders.id', 'deliveries.orderId')
    .select((eb) => [
      'deliveries.id',
      `deliveries.${column} as at`,
      'deliveries.number',
      'orders.id as orderId',
      'orders.number as orderNumber',
      eb
        .selectFrom('deliveryLines')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('deliveryLines.deliveryId', '=', 'deliveries.id')
        .whereRef('deliveryLines.deliveredQuantity', '<', 'deliveryLines.quantity')
        .as('shortLines'),
    ])
    .where('orders.customerId', '=', customerId)
    .where(`deliveries.${column}`, 'is not', null)
    .where(belowBound(`deliveries.${column}`, 'deliveries.id', bound))
    .orderBy(`deliveries.${column}`, 'desc')
    .orderBy('deliveries.id', 'desc')
    .limit(limit)
    .execute();
}

const source = (kind: 'delivery-shipped' | 'delivery-delivered', column: 'shippedAt' | 'deliveredAt'): TimelineSource => ({
  kind,
  async read(db, customerId, bound, limit) {
    const rows = await readDeliveries(db, customerId, column, bound, limit);
    return rows.map((r) => ({
      kind,
      id: r.id,
      at: r.at!,
      ref: { type: 'order' as const, id: r.orderId },
      params: { number: r.number, orderNumber: r.orderNumber, shortLines: Number(r.shortLines ?? 0) },
    }));
  },
});

export const deliveriesShipped = source('delivery-shipped', 'shippedAt');
/** Delivered, with how many lines came short (a shortfall the customer will remember). */
export const deliveriesDelivered = source('delivery-delivered', 'deliveredAt');
