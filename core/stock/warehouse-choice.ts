/** A warehouse that holds the product: what it has for the order, and how many of the order's other products it serves in full. */
export type WarehouseCandidate = { warehouseId: number; available: number; breadth?: number };

/**
 * Which warehouse one product of an order leaves from — the rule release applies, and the one the risk scan and the
 * call screen use to say which warehouse serves (or would serve) a line. Among the warehouses that can serve all of
 * it, the one serving most of the order's other products (fewest deliveries), then the one with most available;
 * none can serve it all: the one with most available (it is reserved short and the shortage shows). Ties go to the
 * lowest id, so the choice is repeatable. Null when no warehouse holds the product.
 */
export function pickWarehouse(quantity: number, candidates: readonly WarehouseCandidate[]): number | null {
  if (candidates.length === 0) return null;
  const full = candidates.filter((c) => c.available >= quantity);
  const pool = full.length ? full : candidates;
  const score = (c: WarehouseCandidate) => (full.length ? (c.breadth ?? 0) : 0);
  return pool.reduce((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    if (sb !== sa) return sb > sa ? b : a;
    if (b.available !== a.available) return b.available > a.available ? b : a;
    return b.warehouseId < a.warehouseId ? b : a;
  }).warehouseId;
}
