export type StockAt = { warehouseId: number; productId: number; onHand: number; reserved: number };
export type Need = { productId: number; quantity: number };

/**
 * The warehouse a delivery leaves from: the one that can serve most of the order from what it has available
 * (on hand − reserved, each line counted up to its quantity), then the one with most available overall, then the
 * lowest id so the choice is repeatable. Null only when there is no warehouse at all.
 */
export function chooseWarehouse(needs: readonly Need[], stock: readonly StockAt[], warehouseIds: readonly number[]): number | null {
  let best: { id: number; served: number; available: number } | null = null;
  for (const id of warehouseIds) {
    let served = 0;
    let available = 0;
    for (const need of needs) {
      const level = stock.find((s) => s.warehouseId === id && s.productId === need.productId);
      const free = level ? Math.max(0, level.onHand - level.reserved) : 0;
      served += Math.min(free, need.quantity);
      available += free;
    }
    const better =
      !best || served > best.served || (served === best.served && (available > best.available || (available === best.available && id < best.id)));
    if (better) best = { id, served, available };
  }
  return best?.id ?? null;
}

/** One reservation per product, however many lines name it. */
export function quantitiesByProduct(needs: readonly Need[]): Need[] {
  const sums = new Map<number, number>();
  for (const n of needs) sums.set(n.productId, (sums.get(n.productId) ?? 0) + n.quantity);
  return [...sums].map(([productId, quantity]) => ({ productId, quantity }));
}
