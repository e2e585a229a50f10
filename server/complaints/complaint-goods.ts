import { parisNow } from '../../core/calendar/dates.ts';
import type { ComplaintDetail, ResolveComplaint } from '../../core/complaints/complaints.schemas.ts';
import { toDeliveryPoint } from '../customers/customer.mapping.ts';
import { listDeliveryPoints } from '../customers/customers.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError, type FieldError } from '../errors.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import { earliestDateFor } from '../orders/order-context.ts';
import { findOrderRow } from '../orders/orders.repository.ts';
import { resolveDraft, type ResolvedDraft } from '../orders/resolve-draft.ts';
import { insertNewOrders, newOrder } from '../orders/save-order.ts';
import { insertReturnPickup } from './complaints.repository.ts';

/** The goods an outcome concerns: the lines it names (within what was complained of), else every complained line. */
export function goodsOf(c: ComplaintDetail, body: ResolveComplaint): { productId: number; quantity: number }[] {
  if (!body.lines) return c.lines.map((l) => ({ productId: l.productId, quantity: l.quantity }));
  const errors: FieldError[] = [];
  const goods = body.lines.map((asked, i) => {
    const line = c.lines.find((l) => l.orderLineId === asked.orderLineId);
    if (!line)
      errors.push({
        path: `body.lines.${i}.orderLineId`,
        code: 'not-found',
        params: { entity: 'order-line', id: asked.orderLineId },
        message: 'not a line of this complaint',
      });
    else if (asked.quantity > line.quantity)
      errors.push({
        path: `body.lines.${i}.quantity`,
        code: 'out-of-range',
        params: { comparison: '<=', limit: line.quantity },
        message: `at most the ${line.quantity} complained of`,
      });
    return { productId: line?.productId ?? 0, quantity: asked.quantity };
  });
  if (errors.length) throw new AppError('VALIDATION', errors.map((e) => e.message).join('; '), errors);
  return goods;
}

const noGoods = (): AppError =>
  new AppError('VALIDATION', 'the complaint names no lines: nothing to replace or collect', [
    { path: 'body.lines', code: 'required', params: {}, message: 'the complaint names no lines' },
  ]);

/** Where the goods go back to, or come from: the delivery point of the complained order, else the customer's first. */
async function deliveryPointOf(db: Db, c: ComplaintDetail) {
  const order = c.orderId === null ? undefined : await findOrderRow(db, c.orderId);
  const points = (await listDeliveryPoints(db, c.customerId)).map(toDeliveryPoint);
  const point = points.find((p) => p.id === order?.deliveryPointId) ?? points[0];
  if (!point) throw new AppError('UNPROCESSABLE', `${c.customerName} has no delivery point`);
  return point;
}

/**
 * The replacement, drafted before the transaction as any order is: the same goods at no charge, to the same
 * delivery point on the first date it can receive them, priced and checked by the normal order rules (a finding —
 * a minimum order, a shipping fee below franco — shows on the draft as on any other).
 */
export async function draftReplacement(db: Db, c: ComplaintDetail, body: ResolveComplaint, now: Date): Promise<ResolvedDraft> {
  const goods = goodsOf(c, body);
  if (goods.length === 0) throw noGoods();
  const point = await deliveryPointOf(db, c);
  const date = earliestDateFor(point, parisNow(now));
  return resolveDraft(
    db,
    {
      customerId: c.customerId,
      deliveryPointId: point.id,
      ...(date ? { requestedDate: date } : {}),
      customerRef: c.number,
      channel: 'phone',
      note: `Remplacement gratuit, réclamation ${c.number}`,
      lines: goods.map((g) => ({ productId: g.productId, quantity: g.quantity })),
    },
    {
      now,
      carried: goods.map((g) => ({
        productId: g.productId,
        customerCode: null,
        expectedUnitPriceCents: null,
        agreedUnitPriceCents: 0,
        customerLineNo: null,
        orderedQuantity: null,
      })),
    },
  );
}

/** Writes the drafted replacement inside the resolution's transaction. */
export async function placeReplacement(trx: Trx, draft: ResolvedDraft, userId: number, now: Date) {
  const [created] = await insertNewOrders(trx, [newOrder(draft, { id: userId })], now);
  return { orderId: created.id, orderNumber: created.number };
}

/** What a return needs before the transaction: its goods, where, and when (the pickup date asked, else the first). */
export async function planReturn(db: Db, c: ComplaintDetail, body: ResolveComplaint, now: Date) {
  const goods = goodsOf(c, body);
  if (goods.length === 0) throw noGoods();
  const point = await deliveryPointOf(db, c);
  const today = parisNow(now).date;
  if (body.pickupOn !== undefined && body.pickupOn < today)
    throw new AppError('VALIDATION', 'the pickup date is past', [
      { path: 'body.pickupOn', code: 'out-of-range', params: { comparison: '>=', limit: today }, message: 'not before today' },
    ]);
  const pickupOn = body.pickupOn ?? earliestDateFor(point, parisNow(now)) ?? today;
  return { goods, deliveryPointId: point.id, pickupOn };
}

/** The return to collect, numbered RET-YYYY-NNNNN in the resolution's transaction. */
export async function placeReturn(trx: Trx, c: ComplaintDetail, plan: Awaited<ReturnType<typeof planReturn>>, userId: number, now: Date) {
  const year = parisNow(now).date.slice(0, 4);
  const number = `RET-${year}-${String(await nextCounter(trx, `return-${year}`)).padStart(5, '0')}`;
  const id = await insertReturnPickup(
    trx,
    {
      number,
      complaintId: c.id,
      customerId: c.customerId,
      deliveryPointId: plan.deliveryPointId,
      pickupOn: plan.pickupOn,
      status: 'planned',
      createdBy: userId,
      createdAt: now.toISOString(),
    },
    plan.goods,
  );
  return { returnPickupId: id, returnNumber: number, pickupOn: plan.pickupOn };
}
