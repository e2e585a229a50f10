import { orderTotals } from '../../core/orders/totals.ts';
import { nextCounter } from '../db/counters.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { listOrderLineRows } from '../orders/orders.repository.ts';
import { type Actor, recordTransition, startTransition } from '../orders/transition.ts';
import { chooseWarehouses, quantitiesByProduct } from './choose-warehouse.ts';
import { adjustStock, insertDelivery, insertDeliveryLines, listStockLevels, listWarehouseIds, warehouseCodes } from './deliveries.repository.ts';

export function deliveryNumber(seq: number): string {
  return `LIV-${String(seq).padStart(6, '0')}`;
}

/**
 * Releasing hands the order to the warehouses: each product leaves from a warehouse that holds it (frozen goods
 * from the cold store, flour from the mill), so the order becomes one delivery per warehouse, and the goods are
 * reserved there (reserved += quantity) so nobody promises them twice. Where a warehouse has less available than
 * the order needs, the order is still released (the assistant decided) and the reservation shows the shortage;
 * the timeline says what was short. All of it, or none.
 */
export async function releaseOrder(db: Db, orderId: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'release');
    const lines = (await listOrderLineRows(trx, orderId)).filter((l) => l.status === 'open');
    const needs = quantitiesByProduct(lines.map((l) => ({ productId: l.productId, quantity: l.quantity })));
    const [stock, warehouseIds] = await Promise.all([listStockLevels(trx, needs.map((n) => n.productId)), listWarehouseIds(trx)]);
    const plan = chooseWarehouses(needs, stock, warehouseIds);
    if (plan === null) throw new AppError('UNPROCESSABLE', 'No warehouse is set up: create one before releasing orders.');

    const warehouseOf = new Map(plan.map((a) => [a.productId, a.warehouseId]));
    const codes = await warehouseCodes(trx, [...new Set(plan.map((a) => a.warehouseId))]);
    const deliveries = [];
    for (const warehouseId of [...new Set(plan.map((a) => a.warehouseId))]) {
      const own = lines.filter((l) => warehouseOf.get(l.productId) === warehouseId);
      const totals = orderTotals(own);
      const number = deliveryNumber(await nextCounter(trx, 'delivery'));
      const deliveryId = await insertDelivery(trx, {
        number,
        orderId,
        warehouseId,
        plannedDate: t.order.promisedDate ?? t.order.requestedDate,
        status: 'planned',
        deliveryNoteNumber: null,
        palletsCenti: Math.round(totals.pallets * 100),
        weightG: totals.weightG,
        shippedAt: null,
        deliveredAt: null,
        documentId: null,
        createdAt: t.at,
      });
      await insertDeliveryLines(trx, own.map((l) => ({ deliveryId, orderLineId: l.id, productId: l.productId, quantity: l.quantity, deliveredQuantity: null })));
      const reserved = plan.filter((a) => a.warehouseId === warehouseId);
      for (const a of reserved) await adjustStock(trx, { warehouseId, productId: a.productId }, { reserved: a.quantity });
      deliveries.push({ deliveryId, deliveryNumber: number, warehouseId, reserved: reserved.map(({ productId, quantity, short }) => ({ productId, quantity, short })) });
    }
    const codeOf = new Map(lines.map((l) => [l.productId, l.productCode]));
    const short = plan.filter((a) => a.short > 0).map((a) => `${codeOf.get(a.productId)} short by ${a.short} at ${codes.get(a.warehouseId)}`);
    await recordTransition(trx, t, actor, { after: { deliveries }, note: short.length ? `Released with too little stock available: ${short.join('; ')}.` : null });
  });
}
