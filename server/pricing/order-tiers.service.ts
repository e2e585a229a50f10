import type { Static } from '@sinclair/typebox';
import type { TierMeasure } from '../../core/pricing/pricing.types.ts';
import { listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import { findPriceList } from '../catalog/price-lists.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { type FieldError, notFound } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import type { OrderTierDiscountInput, OrderTierDiscountSchema } from '../../core/pricing/pricing.schemas.ts';
import * as repo from './pricing.repository.ts';

/** A price list's discount on the whole order (core OrderTierDiscount), null when it has none. */
export async function orderDiscountOf(db: DbOrTrx, priceListId: number): Promise<Static<typeof OrderTierDiscountSchema> | null> {
  const row = await repo.findOrderTiers(db, priceListId);
  if (!row) return null;
  return { measure: row.measure as TierMeasure, families: row.families ? row.families.split(',') : null, steps: row.steps };
}

export async function getOrderTiers(db: DbOrTrx, priceListId: number) {
  if (!(await findPriceList(db, priceListId))) throw notFound('Price list', priceListId);
  return { priceListId, orderDiscount: await orderDiscountOf(db, priceListId) };
}

/** Who changed the list's discount on the order (managers and admins), what and when, newest first. */
export async function orderTiersHistory(db: DbOrTrx, priceListId: number) {
  if (!(await findPriceList(db, priceListId))) throw notFound('Price list', priceListId);
  return (await listAuditEvents(db, { entityType: 'price_list_order_tiers', entityId: priceListId })).reverse();
}

/** Steps with distinct thresholds, and a discount that never falls as the order grows. */
function stepErrors(d: OrderTierDiscountInput): FieldError[] {
  const errors: FieldError[] = [];
  const order = d.steps.map((s, i) => ({ ...s, i })).sort((a, b) => a.min - b.min);
  order.forEach((s, k) => {
    const prev = order[k - 1];
    if (!prev) return;
    if (prev.min === s.min)
      errors.push({
        path: `orderDiscount.steps.${s.i}.min`,
        code: 'duplicate',
        params: {},
        message: `the threshold ${s.min} is given twice`,
      });
    else if (s.discountBp < prev.discountBp)
      errors.push({
        path: `orderDiscount.steps.${s.i}.discountBp`,
        code: 'out-of-range',
        params: { comparison: '>=', limit: prev.discountBp },
        message: `must not be below the ${prev.discountBp} bp of the smaller threshold ${prev.min}`,
      });
  });
  if (!d.steps.some((s) => s.discountBp > 0))
    errors.push({
      path: 'orderDiscount.steps',
      code: 'no-discount-step',
      params: {},
      message: 'give at least one step with a discount (or send orderDiscount: null)',
    });
  return errors;
}

/** Replaces the list's order-level tiers (null removes them): audited with before and after. */
export async function saveOrderTiers(
  db: Db,
  priceListId: number,
  input: { orderDiscount: OrderTierDiscountInput | null },
  userId: number,
  now: Date,
) {
  const before = await getOrderTiers(db, priceListId);
  if (input.orderDiscount) rejectInvalid(stepErrors(input.orderDiscount));
  return db.transaction().execute(async (trx) => {
    const d = input.orderDiscount;
    const steps = d ? [...d.steps].sort((a, b) => a.min - b.min) : [];
    await repo.replaceOrderTiers(
      trx,
      priceListId,
      d ? { measure: d.measure, families: d.families?.length ? d.families.join(',') : null, steps } : null,
      now.toISOString(),
    );
    const after = { priceListId, orderDiscount: await orderDiscountOf(trx, priceListId) };
    await recordAudit(trx, {
      entityType: 'price_list_order_tiers',
      entityId: priceListId,
      action: 'update',
      userId,
      before: before.orderDiscount,
      after: after.orderDiscount,
      at: now.toISOString(),
    });
    return after;
  });
}
