import { unitsPerPallet } from '../catalog/packaging.ts';
import type { Product } from '../catalog/product.ts';
import type { OrderTierDiscount, OrderTierState } from './pricing.types.ts';

/** A line as the order-level tier counts it. */
export type TierCountedLine = { product: Product; quantity: number; grossCents: number };

/**
 * The order's size in the tier's measure over the lines of the tier's families. Pallets are summed unrounded
 * then kept to two decimals, as the screen shows them; weight is net weight (what the CGV tier counts).
 */
export function measureOrder(discount: OrderTierDiscount, lines: readonly TierCountedLine[]): number {
  let value = 0;
  for (const { product, quantity, grossCents } of lines) {
    if (discount.families && !discount.families.includes(product.family)) continue;
    switch (discount.measure) {
      case 'units': value += quantity; break;
      case 'cartons': value += quantity / product.unitsPerCarton; break;
      case 'pallets': { const per = unitsPerPallet(product); if (per) value += quantity / per; break; }
      case 'weight': value += quantity * product.netWeightG; break;
      case 'value': value += grossCents; break;
    }
  }
  return discount.measure === 'pallets' || discount.measure === 'cartons' ? Math.round(value * 100) / 100 : value;
}

/** The step reached (highest `min` not above the value) and the next one, whatever order the steps are stored in. */
export function orderTierState(discount: OrderTierDiscount, value: number): OrderTierState {
  let discountBp = 0;
  let reachedMin = -Infinity;
  let next: { min: number; discountBp: number } | null = null;
  for (const step of discount.steps) {
    if (step.min <= value) {
      if (step.min > reachedMin) { reachedMin = step.min; discountBp = step.discountBp; }
    } else if (!next || step.min < next.min) next = { min: step.min, discountBp: step.discountBp };
  }
  return { measure: discount.measure, value, discountBp, next };
}
