import type { Product } from '../catalog/product.ts';
import { multipleSize, multipleUnitFor } from '../terms/checks/order-multiple.ts';
import type { OrderMultiples } from '../terms/terms.types.ts';

/** Rounds a target quantity up to the product's order multiple, so a suggestion never creates an order-multiple finding. */
export function upToMultiple(product: Product, quantity: number, multiples: OrderMultiples): number {
  const size = multipleSize(product, multipleUnitFor(product, multiples)) ?? 1;
  return Math.ceil(quantity / size) * size;
}

/** Added goods worth proposing: at most 30 % of the order's goods, or one layer of the product, whichever is more. */
export function withinReach(addedCents: number, goodsNetCents: number, layerCents: number): boolean {
  return addedCents <= Math.max(goodsNetCents * 0.3, layerCents);
}
