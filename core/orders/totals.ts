import { applyBasisPoints } from '../shared/money.ts';
import { unitsPerPallet } from '../catalog/packaging.ts';
import type { Packaging } from '../catalog/product.ts';

export type PricedLineInput = Packaging & {
  quantity: number;
  unitPriceCents: number;
  vatRateBp: number;
  grossWeightG: number;
  /** The line's net when discounts were taken off (already rounded to the cent); else quantity × unit price. */
  netCents?: number;
  /** Free goods travel too: they count in pallets and weight, never in money. */
  freeQuantity?: number;
};

/** An amount the totals count as money only (a charge such as the shipping fee, or a line already priced): at its VAT rate, no goods, no weight. */
export function moneyOnlyLine(amount: { netCents: number; vatRateBp: number }): PricedLineInput {
  return {
    unitsPerCarton: 1,
    cartonsPerLayer: null,
    layersPerPallet: null,
    quantity: 0,
    unitPriceCents: 0,
    netCents: amount.netCents,
    freeQuantity: 0,
    vatRateBp: amount.vatRateBp,
    grossWeightG: 0,
  };
}

export type VatBreakdown = { rateBp: number; baseCents: number; vatCents: number };
export type OrderTotals = {
  netCents: number;
  vatCents: number;
  grossCents: number;
  vat: VatBreakdown[];
  /** Pallet-equivalents, to two decimals: what the truck will carry. */
  pallets: number;
  weightG: number;
};

/** Quantity × unit price: both integers, so the line is exact to the cent with no rounding. */
export function lineNetCents(line: { quantity: number; unitPriceCents: number }): number {
  return line.quantity * line.unitPriceCents;
}

/**
 * Net is the sum of the lines; VAT is computed once per rate on that rate's base (as on a French invoice), so
 * gross = net + VAT exactly, and no cent is lost between lines and totals.
 */
export function orderTotals(lines: readonly PricedLineInput[]): OrderTotals {
  const bases = new Map<number, number>();
  let netCents = 0;
  let pallets = 0;
  let weightG = 0;
  for (const line of lines) {
    const net = line.netCents ?? lineNetCents(line);
    const shipped = line.quantity + (line.freeQuantity ?? 0);
    netCents += net;
    bases.set(line.vatRateBp, (bases.get(line.vatRateBp) ?? 0) + net);
    const perPallet = unitsPerPallet(line);
    if (perPallet) pallets += shipped / perPallet; // bulk travels in a tanker, not on pallets
    weightG += shipped * line.grossWeightG;
  }
  const vat = [...bases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, baseCents]) => ({ rateBp, baseCents, vatCents: applyBasisPoints(baseCents, rateBp) }));
  const vatCents = vat.reduce((sum, v) => sum + v.vatCents, 0);
  return { netCents, vatCents, grossCents: netCents + vatCents, vat, pallets: Math.round(pallets * 100) / 100, weightG };
}
