import { orderTotals } from '../../core/orders/totals.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import type { Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { listOrderLineRows, type OrderLineRow, type OrderRow } from '../orders/orders.repository.ts';
import { chooseWarehouses, quantitiesByProduct } from './choose-warehouse.ts';
import {
  deleteDeliveryLines,
  deletePlannedDeliveries,
  insertDelivery,
  insertDeliveryLines,
  listDeliveryLineRows,
  listDeliveryRows,
  listStockLevels,
  listWarehouseIds,
  updateDelivery,
  updateDeliveryLine,
} from './deliveries.repository.ts';
import { adjustStock } from '../stock/stock.repository.ts';

function deliveryNumber(seq: number): string {
  return `LIV-${String(seq).padStart(6, '0')}`;
}

export type PlannedDelivery = {
  deliveryId: number;
  deliveryNumber: string;
  warehouseId: number;
  plannedDate: string | null;
  /** Per product: what the delivery holds, and what its warehouse lacked of it when first reserved. */
  reserved: { productId: number; quantity: number; short: number }[];
};

export type DeliveryPlanChange = {
  deliveries: PlannedDelivery[];
  /** Reservations moved, per warehouse and product (positive: more held). */
  reservations: { warehouseId: number; productId: number; delta: number }[];
  removedDeliveryIds: number[];
};

const key = (warehouseId: number, date: string | null) => `${warehouseId}|${date ?? ''}`;

/**
 * Brings an order's planned deliveries in line with its open lines, in the caller's transaction: one delivery per
 * warehouse and date, each line where it is bound (its warehouse, its own date after a split), where it already
 * leaves from, or else where `chooseWarehouses` sends it — the one rule of release. Reservations follow the
 * delivery lines (reserved += what is added, −= what is taken away), so the stock held is always what the planned
 * deliveries hold. Release is this from nothing; a risk decided on a released order is this after the order changed.
 * Shipped deliveries are never touched: they are beyond change.
 */
export async function syncPlannedDeliveries(
  trx: Trx,
  order: Pick<OrderRow, 'id' | 'promisedDate' | 'requestedDate'>,
  at: string,
): Promise<DeliveryPlanChange> {
  const lines = (await listOrderLineRows(trx, order.id)).filter((l) => l.status === 'open');
  const planned = (await listDeliveryRows(trx, order.id)).filter((d) => d.status === 'planned');
  const current = await listDeliveryLineRows(
    trx,
    planned.map((d) => d.id),
  );
  const deliveryOf = new Map(planned.map((d) => [d.id, d]));
  const currentOf = new Map(current.map((c) => [c.orderLineId, c]));

  // Lines not yet in a delivery, and lines bound to a warehouse other than the one they leave from, get one by the rule.
  const moving = lines.filter((l) => {
    const c = currentOf.get(l.id);
    return !c || (l.warehouseId !== null && deliveryOf.get(c.deliveryId)!.warehouseId !== l.warehouseId);
  });
  const needs = quantitiesByProduct(moving.map((l) => ({ productId: l.productId, quantity: l.quantity, warehouseId: l.warehouseId })));
  const [stock, warehouseIds] = await Promise.all([
    listStockLevels(
      trx,
      needs.map((n) => n.productId),
    ),
    listWarehouseIds(trx),
  ]);
  const plan = needs.length ? chooseWarehouses(needs, stock, warehouseIds) : [];
  if (plan === null) throw new AppError('UNPROCESSABLE', 'No warehouse is set up: create one before releasing orders.');
  const allocationOf = (l: OrderLineRow) =>
    plan[needs.findIndex((n) => n.productId === l.productId && (n.warehouseId ?? null) === l.warehouseId)];

  const target = new Map<number, { warehouseId: number; date: string | null }>();
  for (const l of lines) {
    const c = currentOf.get(l.id);
    const warehouseId = moving.includes(l) ? allocationOf(l).warehouseId : deliveryOf.get(c!.deliveryId)!.warehouseId;
    target.set(l.id, { warehouseId, date: l.plannedDate ?? order.promisedDate ?? order.requestedDate });
  }

  // One delivery per warehouse and date: the planned one already there, else a new one, numbered in plan order.
  const byKey = new Map(planned.map((d) => [key(d.warehouseId, d.plannedDate), d.id]));
  const numbers = new Map(planned.map((d) => [d.id, d.number]));
  for (const { warehouseId, date } of target.values()) {
    if (byKey.has(key(warehouseId, date))) continue;
    const number = deliveryNumber(await nextCounter(trx, 'delivery'));
    const id = await insertDelivery(trx, {
      number,
      orderId: order.id,
      warehouseId,
      plannedDate: date,
      status: 'planned',
      deliveryNoteNumber: null,
      palletsCenti: 0,
      weightG: 0,
      shippedAt: null,
      deliveredAt: null,
      documentId: null,
      createdAt: at,
    });
    byKey.set(key(warehouseId, date), id);
    numbers.set(id, number);
  }

  const held = new Map<string, number>();
  const hold = (warehouseId: number, productId: number, quantity: number) =>
    held.set(`${warehouseId}:${productId}`, (held.get(`${warehouseId}:${productId}`) ?? 0) + quantity);
  for (const c of current) hold(deliveryOf.get(c.deliveryId)!.warehouseId, c.productId, -c.quantity);

  const gone = current.filter((c) => !target.has(c.orderLineId)).map((c) => c.id);
  const inserts = [];
  const contents = new Map<number, { line: OrderLineRow; quantity: number }[]>();
  for (const l of lines) {
    const t = target.get(l.id)!;
    const deliveryId = byKey.get(key(t.warehouseId, t.date))!;
    const c = currentOf.get(l.id);
    if (c && c.deliveryId === deliveryId) {
      if (c.quantity !== l.quantity) await updateDeliveryLine(trx, c.id, { quantity: l.quantity });
    } else {
      if (c) gone.push(c.id);
      inserts.push({ deliveryId, orderLineId: l.id, productId: l.productId, quantity: l.quantity, deliveredQuantity: null });
    }
    hold(t.warehouseId, l.productId, l.quantity);
    contents.set(deliveryId, [...(contents.get(deliveryId) ?? []), { line: l, quantity: l.quantity }]);
  }
  await deleteDeliveryLines(trx, gone);
  await insertDeliveryLines(trx, inserts);

  const reservations = [...held]
    .filter(([, delta]) => delta !== 0)
    .map(([k, delta]) => {
      const [warehouseId, productId] = k.split(':').map(Number);
      return { warehouseId, productId, delta };
    });
  for (const r of reservations) await adjustStock(trx, { warehouseId: r.warehouseId, productId: r.productId }, { reserved: r.delta }, at);

  const removedDeliveryIds = [...new Set(byKey.values())].filter((id) => !contents.has(id));
  await deletePlannedDeliveries(trx, removedDeliveryIds);
  const deliveries: PlannedDelivery[] = [];
  for (const [deliveryId, held] of contents) {
    const totals = orderTotals(
      held.map(({ line, quantity }) => ({
        ...line,
        quantity,
        netCents: undefined,
        freeQuantity: quantity === line.quantity ? line.freeQuantity : 0,
      })),
    );
    await updateDelivery(trx, deliveryId, { palletsCenti: Math.round(totals.pallets * 100), weightG: totals.weightG });
    const [warehouseId, date] = [...byKey].find(([, id]) => id === deliveryId)![0].split('|');
    const products = quantitiesByProduct(held.map(({ line, quantity }) => ({ productId: line.productId, quantity })));
    deliveries.push({
      deliveryId,
      deliveryNumber: numbers.get(deliveryId)!,
      warehouseId: Number(warehouseId),
      plannedDate: date || null,
      reserved: products.map((p) => {
        const a = plan.find((x, i) => x.warehouseId === Number(warehouseId) && needs[i].productId === p.productId);
        return { productId: p.productId, quantity: p.quantity, short: a?.short ?? 0 };
      }),
    });
  }
  return { deliveries, reservations, removedDeliveryIds };
}
