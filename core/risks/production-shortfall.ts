import { addDays, type IsoDate } from '../calendar/dates.ts';

/** A line or a plant producing less than planned over a period: the output of a product for one warehouse cut by a share. */
export type ProductionShortfall = {
  productId: number;
  warehouseId: number;
  from: IsoDate;
  to: IsoDate;
  /** Share of the planned output lost, 1 to 100 %. */
  reducedPct: number;
  /** The day output came back (the shortfall was ended): it no longer applies from that day; null while it lasts. */
  endedOn: IsoDate | null;
};

/** The last day a shortfall cuts output: its end date, or the day before it was ended if that comes first. */
export function lastDayOf(s: ProductionShortfall): IsoDate {
  if (s.endedOn === null) return s.to;
  const before = addDays(s.endedOn, -1);
  return before < s.to ? before : s.to;
}

/**
 * A warehouse's receipts of a product with the production due during its shortfalls cut by their share: a production
 * receipt dated within a period keeps (100 − pct) % of its quantity, rounded to the nearest sale unit; two shortfalls
 * over the same day compound (two lines down, each losing its share). Purchases and transfers are not produced here
 * and stay whole, as does a cancelled receipt. A receipt cut keeps its planned quantity in `plannedQuantity`, so the
 * scan can tell the lines short because of it. The risk scan and availability to promise both see receipts so.
 */
export function applyShortfalls<R extends { date: IsoDate; quantity: number; production: boolean; status: string }>(
  receipts: readonly R[],
  shortfalls: readonly ProductionShortfall[],
): (R & { plannedQuantity?: number })[] {
  if (shortfalls.length === 0) return [...receipts];
  return receipts.map((r) => {
    if (!r.production || r.status === 'cancelled') return r;
    let kept = 1;
    for (const s of shortfalls) if (s.from <= r.date && r.date <= lastDayOf(s)) kept *= (100 - s.reducedPct) / 100;
    if (kept === 1) return r;
    return { ...r, quantity: Math.round(r.quantity * kept), plannedQuantity: r.quantity };
  });
}
