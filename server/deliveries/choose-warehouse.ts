export type StockAt = { warehouseId: number; productId: number; onHand: number; reserved: number };
export type Need = { productId: number; quantity: number };
/** Where one product of the order is reserved and leaves from; `short` is what that warehouse lacks of it. */
export type Allocation = { productId: number; warehouseId: number; quantity: number; short: number };

const available = (s: StockAt | undefined) => (s ? s.onHand - s.reserved : 0);

/**
 * Where each product of an order leaves from. A product goes to a warehouse that holds it (has a stock row for it):
 * among those that can serve all of it from what is available (on hand − reserved), the one that can serve the
 * most of the order's other products too, so the order splits into as few deliveries as the stock allows; failing
 * that, the one with most available. Ties go to the lowest id, so the choice is repeatable. A product no warehouse
 * holds goes with the bulk of the order (or to the lowest id), reserved short so the shortage shows.
 * One allocation per product, in the order of `needs`; null only when there is no warehouse at all.
 */
export function chooseWarehouses(needs: readonly Need[], stock: readonly StockAt[], warehouseIds: readonly number[]): Allocation[] | null {
  if (warehouseIds.length === 0) return null;
  const ids = [...warehouseIds].sort((a, b) => a - b);
  const level = (warehouseId: number, productId: number) => stock.find((s) => s.warehouseId === warehouseId && s.productId === productId);
  const servesInFull = (warehouseId: number, need: Need) => available(level(warehouseId, need.productId)) >= need.quantity;
  const breadth = new Map(ids.map((id) => [id, needs.filter((n) => servesInFull(id, n)).length]));

  const chosen = new Map<number, number>();
  for (const need of needs) {
    const holders = ids.filter((id) => level(id, need.productId));
    if (holders.length === 0) continue;
    const full = holders.filter((id) => servesInFull(id, need));
    const pool = full.length ? full : holders;
    const score = (id: number) => [full.length ? breadth.get(id)! : 0, available(level(id, need.productId))];
    const best = pool.reduce((a, b) => {
      const [sa, sb] = [score(a), score(b)];
      return sb[0] > sa[0] || (sb[0] === sa[0] && sb[1] > sa[1]) ? b : a;
    });
    chosen.set(need.productId, best);
  }

  // What no warehouse holds follows the warehouse serving most of the order, so it adds no delivery of its own.
  const counts = new Map<number, number>();
  for (const id of chosen.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
  const bulk = ids.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a));

  return needs.map((need) => {
    const warehouseId = chosen.get(need.productId) ?? bulk;
    const free = Math.max(0, available(level(warehouseId, need.productId)));
    return { productId: need.productId, warehouseId, quantity: need.quantity, short: Math.max(0, need.quantity - free) };
  });
}

/** One reservation per product, however many lines name it. */
export function quantitiesByProduct(needs: readonly Need[]): Need[] {
  const sums = new Map<number, number>();
  for (const n of needs) sums.set(n.productId, (sums.get(n.productId) ?? 0) + n.quantity);
  return [...sums].map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * What shipping takes off a stock level: on hand and reserved go down by the quantity, never below zero. `missing`
 * is what left the warehouse without being on hand (a count was wrong or the goods were short at release).
 */
export function shipFromStock(level: { onHand: number; reserved: number } | undefined, quantity: number): { onHand: number; reserved: number; missing: number } {
  const onHand = level?.onHand ?? 0;
  const reserved = level?.reserved ?? 0;
  return { onHand: Math.max(0, onHand - quantity), reserved: Math.max(0, reserved - quantity), missing: Math.max(0, quantity - Math.max(0, onHand)) };
}
