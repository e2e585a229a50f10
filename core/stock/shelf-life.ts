import { daysBetween, type IsoDate } from '../calendar/dates.ts';

/**
 * Retailers refuse goods with less than a set share of their life left at delivery (Cap Marché: 66 %). A lot's
 * life runs from its production date to its DDM; without a production date the product's shelf life stands in.
 * A lot past its DDM is nobody's. No minimum: any lot still within its DDM will do.
 */
export function lotAcceptable(
  lot: { productionDate: IsoDate | null; bestBefore: IsoDate | null },
  deliveryDate: IsoDate,
  minRemainingPct: number | null | undefined,
  shelfLifeDays: number | null,
): boolean {
  if (lot.bestBefore === null) return true;
  const remaining = daysBetween(deliveryDate, lot.bestBefore);
  if (remaining < 0) return false;
  if (!minRemainingPct) return true;
  const life = lot.productionDate ? daysBetween(lot.productionDate, lot.bestBefore) : shelfLifeDays;
  if (!life || life <= 0) return true;
  // Integer comparison: remaining / life ≥ pct / 100 without a float.
  return remaining * 100 >= minRemainingPct * life;
}

/** The DDM of goods produced on a date: a receipt is a fresh lot. Null when the product has no DDM. */
export function bestBeforeOf(productionDate: IsoDate, shelfLifeDays: number | null): IsoDate | null {
  if (!shelfLifeDays) return null;
  const d = new Date(`${productionDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + shelfLifeDays);
  return d.toISOString().slice(0, 10);
}
