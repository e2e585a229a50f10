import type { IsoDate } from '../calendar/dates.ts';
import { type FefoPool } from './fefo-pool.ts';

/** A lot that leaves on a delivery line. `lot` null: goods no lot on file accounts for. */
export type PickedLot = {
  lot: string | null;
  productionDate: IsoDate | null;
  bestBefore: IsoDate | null;
  quantity: number;
  belowMinShelfLife: boolean;
};

export type PickInput = {
  quantity: number;
  /** The day the customer receives the goods: his minimum remaining shelf life is judged on it. */
  deliveryDate: IsoDate;
  minRemainingShelfLifePct: number | null;
  shelfLifeDays: number | null;
};

/**
 * Which lots leave for one delivery line, by the rule availability promised with (one FEFO pool, `FefoPool`): the
 * oldest lots that still have the customer's share of life left on the delivery day; then, when those run out,
 * the oldest lots still within their DDM, flagged (the goods leave all the same, the desk is told); what no lot on
 * file covers (stock counted ahead of the lot file, or more than on hand) leaves without a lot. Expired lots never
 * leave. The pool is the warehouse's for that product, shared by the lines of one shipment.
 */
export function pickLots(pool: FefoPool, input: PickInput): PickedLot[] {
  const out: PickedLot[] = [];
  const add = (slices: ReturnType<FefoPool['pick']>, below: boolean) => {
    for (const { lot, quantity } of slices) {
      const s = lot.source;
      const same = out.find((o) => o.lot === (s?.lot ?? null) && o.belowMinShelfLife === below);
      if (same) same.quantity += quantity;
      else
        out.push({
          lot: s?.lot ?? null,
          productionDate: s?.productionDate ?? null,
          bestBefore: s?.bestBefore ?? null,
          quantity,
          belowMinShelfLife: below && s !== undefined,
        });
    }
  };
  add(pool.pick(input.quantity, input.deliveryDate, input.minRemainingShelfLifePct, input.shelfLifeDays), false);
  let left = input.quantity - out.reduce((sum, p) => sum + p.quantity, 0);
  if (left > 0 && input.minRemainingShelfLifePct) {
    add(pool.pick(left, input.deliveryDate, null, input.shelfLifeDays), true);
    left = input.quantity - out.reduce((sum, p) => sum + p.quantity, 0);
  }
  if (left > 0) {
    const unnamed = out.find((o) => o.lot === null);
    if (unnamed) unnamed.quantity += left;
    else out.push({ lot: null, productionDate: null, bestBefore: null, quantity: left, belowMinShelfLife: false });
  }
  return out;
}
