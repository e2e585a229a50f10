import type { IsoDate } from '../calendar/dates.ts';
import { dayNumber } from './day-number.ts';

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
  const best = dayNumber(lot.bestBefore);
  return acceptableOn(
    dayNumber(deliveryDate),
    best,
    lot.productionDate ? best - dayNumber(lot.productionDate) : shelfLifeDays,
    minRemainingPct,
  );
}

/** The same rule on day numbers: `life` is the lot's total life in days (null: unknown). */
export function acceptableOn(
  deliveryDay: number,
  bestBeforeDay: number,
  life: number | null,
  minRemainingPct: number | null | undefined,
): boolean {
  const remaining = bestBeforeDay - deliveryDay;
  if (remaining < 0) return false;
  if (!minRemainingPct || !life || life <= 0) return true;
  // Integer comparison: remaining / life ≥ pct / 100 without a float.
  return remaining * 100 >= minRemainingPct * life;
}
