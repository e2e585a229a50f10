import { parisNow } from '../../core/calendar/dates.ts';
import { COUNTED_LINE_STATUSES, deliveryFacts, type LineFact, ORDER_TAKING_ACTIONS, type OrderFact } from '../../core/reports/figures.ts';
import type { DbOrTrx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import { rollupDeltas } from '../../core/reports/week-rollup.ts';
import { parisWall } from './reports.repository.ts';
import { applyRollupDeltas } from './week-rollup.repository.ts';

/**
 * Writes (or rewrites) the report facts of delivered orders from their rows, and moves the week × customer roll-up by
 * the difference: called in the delivery's transaction (server/deliveries/deliver-order.ts), and by whatever writes
 * deliveries another way (the demo's history). A backorder has no facts (its shortfall counts against the order it
 * came from); an order not delivered has none.
 */
export async function recordDeliveryFacts(db: DbOrTrx, orderIds: readonly number[]): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 1000) await recordBatch(db, orderIds.slice(i, i + 1000));
}

const LINE_COLUMNS = [
  'orderLines.id',
  'orderLines.orderId',
  'orderLines.lineNo',
  'orderLines.productId',
  'products.code',
  'orderLines.quantity',
  'orderLines.deliveredQuantity',
  'orderLines.status',
] as const;

async function recordBatch(db: DbOrTrx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const [orders, lines, deliveries, events, recorded] = await Promise.all([
    db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customerId')
      .innerJoin('deliveryPoints', 'deliveryPoints.id', 'orders.deliveryPointId')
      .where('orders.id', 'in', ids)
      .where('orders.backorderOfOrderId', 'is', null)
      .select([
        'orders.id',
        'orders.customerId',
        'customers.assistantUserId',
        'orders.channel',
        'orders.createdAt',
        'orders.promisedDate',
        'orders.requestedDate',
        'orders.deliveryPointId',
        'deliveryPoints.cutoffTime',
      ])
      .execute(),
    db
      .selectFrom('orderLines')
      .innerJoin('products', 'products.id', 'orderLines.productId')
      .leftJoin('deliveryLines', 'deliveryLines.orderLineId', 'orderLines.id')
      .leftJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
      .where('orderLines.orderId', 'in', ids)
      .where('orderLines.status', 'in', COUNTED_LINE_STATUSES)
      .select(LINE_COLUMNS)
      .select((eb) => eb.fn.min('deliveries.warehouseId').as('warehouseId'))
      .groupBy([...LINE_COLUMNS])
      .orderBy('orderLines.lineNo')
      .execute(),
    db
      .selectFrom('deliveries')
      .where('orderId', 'in', ids)
      .where('status', '=', 'delivered')
      .select(['orderId'])
      .select((eb) => eb.fn.max('deliveredAt').as('deliveredAt'))
      .groupBy('orderId')
      .execute(),
    // The order-taking steps of its timeline, and the role of who took them: confirmed on time, touchless.
    db
      .selectFrom('auditEvents')
      .leftJoin('users', 'users.id', 'auditEvents.userId')
      .where('auditEvents.entityType', '=', 'order')
      .where('auditEvents.orderId', 'in', ids)
      .where('auditEvents.action', 'in', ORDER_TAKING_ACTIONS)
      .select(['auditEvents.orderId', 'auditEvents.action', 'auditEvents.userId', 'users.role', 'auditEvents.at'])
      .execute(),
    // The facts this recording replaces: the roll-up loses what they brought.
    db.selectFrom('reportOrders').where('orderId', 'in', ids).selectAll().execute(),
  ]);
  const deliveredAt = new Map(deliveries.map((d) => [d.orderId, d.deliveredAt]));
  const orderFacts: OrderFact[] = [];
  const lineFacts: LineFact[] = [];
  for (const o of orders) {
    const at = deliveredAt.get(o.id);
    if (!at) continue;
    const facts = deliveryFacts(
      {
        id: o.id,
        customerId: o.customerId,
        assistantId: o.assistantUserId,
        channel: o.channel,
        orderedAt: parisWall(o.createdAt),
        promisedDate: o.promisedDate,
        requestedDate: o.requestedDate,
        deliveryPointId: o.deliveryPointId,
        cutoffTime: o.cutoffTime,
        events: events
          .filter((e) => e.orderId === o.id)
          .map((e) => ({ action: e.action, userId: e.userId, role: e.role, at: parisWall(e.at) })),
      },
      lines
        .filter((l) => l.orderId === o.id)
        .map((l) => ({
          lineId: l.id,
          lineNo: l.lineNo,
          productId: l.productId,
          productCode: l.code,
          warehouseId: l.warehouseId === null ? null : Number(l.warehouseId),
          quantity: l.quantity,
          delivered: l.deliveredQuantity ?? 0,
          status: l.status,
        })),
      parisNow(new Date(at)).date,
    );
    orderFacts.push(facts.order);
    lineFacts.push(...facts.lines);
  }
  await db.deleteFrom('reportLines').where('orderId', 'in', ids).execute();
  await db.deleteFrom('reportOrders').where('orderId', 'in', ids).execute();
  await insertRows(db, 'reportOrders', orderFacts);
  await insertRows(db, 'reportLines', lineFacts);
  await applyRollupDeltas(db, rollupDeltas(recorded as OrderFact[], orderFacts));
}
