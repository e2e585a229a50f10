import { unitsPerPallet } from '../catalog/packaging.ts';
import type { Product } from '../catalog/product.ts';
import type { OrderTierDiscount, OrderTierState } from './pricing.types.ts';

/** A line as the order-level tier counts it. */
export type TierCountedLine = { product: Product; quantity: number; grossCents: number };

/** What one line adds to the order's size in the tier's measure (0 outside the tier's families). */
export function measureTerm(discount: OrderTierDiscount, { product, quantity, grossCents }: TierCountedLine): number {
  if (discount.families && !discount.families.includes(product.family)) return 0;
  switch (discount.measure) {
    case 'units':
      return quantity;
    case 'cartons':
      return quantity / product.unitsPerCarton;
    case 'pallets': {
      const per = unitsPerPallet(product);
      return per ? quantity / per : 0;
    }
    case 'weight':
      return quantity * product.netWeightG;
    case 'value':
      return grossCents;
  }
}

/** The measure as the tier reads it: pallets and cartons kept to two decimals, as the screen shows them. */
export function measureValue(discount: OrderTierDiscount, sum: number): number {
  return discount.measure === 'pallets' || discount.measure === 'cartons' ? Math.round(sum * 100) / 100 : sum;
}

/**
 * The order's size in the tier's measure over the lines of the tier's families, summed unrounded then read by
 * `measureValue`; weight is net weight (what the CGV tier counts).
 */
export function measureOrder(discount: OrderTierDiscount, lines: readonly TierCountedLine[]): number {
  let value = 0;
  for (const line of lines) value += measureTerm(discount, line);
  return measureValue(discount, value);
}

/** The step reached (highest `min` not above the value) and the next one, whatever order the steps are stored in. */
export function orderTierState(discount: OrderTierDiscount, value: number): OrderTierState {
  let discountBp = 0;
  let reachedMin = -Infinity;
  let next: { min: number; discountBp: number } | null = null;
  for (const step of discount.steps) {
    if (step.min <= value) {
      if (step.min > reachedMin) {
        reachedMin = step.min;
        discountBp = step.discountBp;
      }
    } else if (!next || step.min < next.min) next = { min: step.min, discountBp: step.discountBp };
  }
  return { measure: discount.measure, value, discountBp, next };
}
