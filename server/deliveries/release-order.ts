import { orderTotals } from '../../core/orders/totals.ts';
import { nextCounter } from '../db/counters.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { listOrderLineRows } from '../orders/orders.repository.ts';
import { type Actor, recordTransition, startTransition } from '../orders/transition.ts';
import { chooseWarehouse, quantitiesByProduct } from './choose-warehouse.ts';
import { adjustStock, insertDelivery, insertDeliveryLines, listStockLevels, listWarehouseIds } from './deliveries.repository.ts';

export function deliveryNumber(seq: number): string {
  return `LIV-${String(seq).padStart(6, '0')}`;
}

/**
 * Releasing hands the order to the warehouse: one delivery with every open line, from the warehouse that can serve
 * most of it, and the goods reserved there (reserved += quantity) so nobody promises them twice. All of it, or none.
 */
export async function releaseOrder(db: Db, orderId: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'release');
    const lines = (await listOrderLineRows(trx, orderId)).filter((l) => l.status === 'open');
    const needs = quantitiesByProduct(lines.map((l) => ({ productId: l.productId, quantity: l.quantity })));
    const [stock, warehouseIds] = await Promise.all([listStockLevels(trx, needs.map((n) => n.productId)), listWarehouseIds(trx)]);
    const warehouseId = chooseWarehouse(needs, stock, warehouseIds);
    if (warehouseId === null) throw new AppError('UNPROCESSABLE', 'No warehouse is set up: create one before releasing orders.');

    const totals = orderTotals(lines);
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
    await insertDeliveryLines(
      trx,
      lines.map((l) => ({ deliveryId, orderLineId: l.id, productId: l.productId, quantity: l.quantity, deliveredQuantity: null })),
    );
    for (const n of needs) await adjustStock(trx, { warehouseId, productId: n.productId }, { reserved: n.quantity });
    await recordTransition(trx, t, actor, { after: { deliveryId, deliveryNumber: number, warehouseId, reserved: needs } });
  });
}
