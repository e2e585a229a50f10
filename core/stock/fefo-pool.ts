import type { IsoDate } from '../calendar/dates.ts';
import { dayNumber } from './day-number.ts';
import { acceptableOn } from './shelf-life.ts';

/**
 * One batch of goods in a pool: a lot on the shelf, a receipt, or on-hand stock no lot accounts for (no DDM, best
 * before = Infinity). Dates as day numbers; `life` is the lot's total life in days (null: unknown).
 */
export type PoolLot = { bestBefore: number; life: number | null; left: number; source?: PoolSource };

/** The lot as filed, kept on the pool's lots for shipping to say which lot left (none: a receipt or unnamed stock). */
export type PoolSource = { lot: string; productionDate: IsoDate | null; bestBefore: IsoDate };

/** Part of a quantity taken from one pool lot. */
export type PoolSlice = { lot: PoolLot; quantity: number };

const byBestBefore = (a: PoolLot, b: PoolLot) => a.bestBefore - b.bestBefore || 0;

/**
 * The goods of one product at one place, first expired first out. On hand is the truth; lots say how old it is.
 * Lots adding up to more than on hand: the difference has left, and FEFO says the oldest left first. Less: the
 * remainder is stock no lot names, counted without a DDM (an inventory count ahead of the lot file).
 */
export class FefoPool {
  readonly lots: PoolLot[];
  /** Lots before this index are empty: the scan of a long order book does not walk them again. */
  private first = 0;

  constructor(onHand: number, lots: readonly { lot?: string; productionDate: IsoDate | null; bestBefore: IsoDate; quantity: number }[]) {
    this.lots = lots
      .filter((l) => l.quantity > 0)
      .map((l) => {
        const bestBefore = dayNumber(l.bestBefore);
        const source = l.lot === undefined ? undefined : { lot: l.lot, productionDate: l.productionDate, bestBefore: l.bestBefore };
        return { bestBefore, life: l.productionDate ? bestBefore - dayNumber(l.productionDate) : null, left: l.quantity, source };
      })
      .sort(byBestBefore);
    let gone = this.lots.reduce((s, l) => s + l.left, 0) - Math.max(0, onHand);
    for (const l of this.lots) {
      if (gone <= 0) break;
      const take = Math.min(l.left, gone);
      l.left -= take;
      gone -= take;
    }
    if (gone < 0) this.lots.push({ bestBefore: Infinity, life: null, left: -gone });
  }

  /** A receipt arrives as a fresh lot, kept in DDM order. */
  receive(date: IsoDate, quantity: number, shelfLifeDays: number | null): void {
    if (quantity <= 0) return;
    const lot = { bestBefore: shelfLifeDays ? dayNumber(date) + shelfLifeDays : Infinity, life: shelfLifeDays || null, left: quantity };
    let i = this.lots.length;
    while (i > this.first && byBestBefore(this.lots[i - 1], lot) > 0) i--;
    this.lots.splice(i, 0, lot);
  }

  /**
   * Takes up to `quantity`, oldest acceptable lot first, for a delivery on `date` to a customer with that minimum
   * share of life left (none: anything within its DDM). Returns what it could take.
   */
  take(quantity: number, date: IsoDate | null, minPct: number | null | undefined, shelfLifeDays: number | null): number {
    return this.takeFrom(quantity, date, minPct, shelfLifeDays, null);
  }

  /** `take`, saying which lots the goods came from, oldest first. */
  pick(quantity: number, date: IsoDate | null, minPct: number | null | undefined, shelfLifeDays: number | null): PoolSlice[] {
    const slices: PoolSlice[] = [];
    this.takeFrom(quantity, date, minPct, shelfLifeDays, slices);
    return slices;
  }

  // One loop for both: the availability scan calls `take` for every open order line, without collecting slices.
  private takeFrom(
    quantity: number,
    date: IsoDate | null,
    minPct: number | null | undefined,
    shelfLifeDays: number | null,
    slices: PoolSlice[] | null,
  ): number {
    let need = quantity;
    const day = date === null ? null : dayNumber(date);
    for (let i = this.first; i < this.lots.length && need > 0; i++) {
      const l = this.lots[i];
      if (l.left === 0) continue;
      if (day !== null && !acceptableOn(day, l.bestBefore, l.life ?? shelfLifeDays, minPct)) continue;
      const n = Math.min(l.left, need);
      l.left -= n;
      need -= n;
      slices?.push({ lot: l, quantity: n });
    }
    while (this.first < this.lots.length && this.lots[this.first].left === 0) this.first++;
    return quantity - need;
  }

  /** What is left that this customer would accept on that date, and what is left that he would refuse. */
  split(date: IsoDate, minPct: number | null | undefined, shelfLifeDays: number | null): { acceptable: number; refused: number } {
    let acceptable = 0;
    let refused = 0;
    const day = dayNumber(date);
    for (const l of this.lots) {
      if (acceptableOn(day, l.bestBefore, l.life ?? shelfLifeDays, minPct)) acceptable += l.left;
      else refused += l.left;
    }
    return { acceptable, refused };
  }
}
