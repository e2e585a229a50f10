import { pickWarehouse } from '../../core/stock/warehouse-choice.ts';

export type StockAt = { warehouseId: number; productId: number; onHand: number; reserved: number };
/** `warehouseId`: the warehouse the line is bound to (a risk moved it there); release must use it. */
export type Need = { productId: number; quantity: number; warehouseId?: number | null };
/** Where one product of the order is reserved and leaves from; `short` is what that warehouse lacks of it. */
export type Allocation = { productId: number; warehouseId: number; quantity: number; short: number };

const available = (s: StockAt | undefined) => (s ? s.onHand - s.reserved : 0);

/**
 * Where each product of an order leaves from. A need bound to a warehouse leaves from it. Otherwise a product goes
 * to a warehouse that holds it (has a stock row for it), chosen by the one rule of `pickWarehouse` (core/stock): the
 * breadth it weighs is how many of the order's products a warehouse can serve in full from what is available
 * (on hand − reserved), so the order splits into as few deliveries as the stock allows. A product no warehouse holds
 * goes with the bulk of the order (or to the lowest id), reserved short so the shortage shows.
 * One allocation per need, in the order of `needs`; null only when there is no warehouse at all.
 */
export function chooseWarehouses(needs: readonly Need[], stock: readonly StockAt[], warehouseIds: readonly number[]): Allocation[] | null {
  if (warehouseIds.length === 0) return null;
  const ids = [...warehouseIds].sort((a, b) => a - b);
  const level = (warehouseId: number, productId: number) => stock.find((s) => s.warehouseId === warehouseId && s.productId === productId);
  const servesInFull = (warehouseId: number, need: Need) => available(level(warehouseId, need.productId)) >= need.quantity;
  const breadth = new Map(ids.map((id) => [id, needs.filter((n) => servesInFull(id, n)).length]));

  const chosen = new Map<Need, number>();
  for (const need of needs) {
    if (need.warehouseId != null) {
      chosen.set(need, need.warehouseId);
      continue;
    }
    const holders = ids.filter((id) => level(id, need.productId));
    const best = pickWarehouse(
      need.quantity,
      holders.map((id) => ({ warehouseId: id, available: available(level(id, need.productId)), breadth: breadth.get(id) })),
    );
    if (best !== null) chosen.set(need, best);
  }

  // What no warehouse holds follows the warehouse serving most of the order, so it adds no delivery of its own.
  const counts = new Map<number, number>();
  for (const id of chosen.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
  const bulk = ids.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a));

  return needs.map((need) => {
    const warehouseId = chosen.get(need) ?? bulk;
    const free = Math.max(0, available(level(warehouseId, need.productId)));
    return { productId: need.productId, warehouseId, quantity: need.quantity, short: Math.max(0, need.quantity - free) };
  });
}

/** One reservation per product and bound warehouse, however many lines name it. */
export function quantitiesByProduct(needs: readonly Need[]): Need[] {
  const sums = new Map<string, Need>();
  for (const n of needs) {
    const key = `${n.productId}:${n.warehouseId ?? ''}`;
    const sum = sums.get(key);
    if (sum) sum.quantity += n.quantity;
    else sums.set(key, { productId: n.productId, quantity: n.quantity, ...(n.warehouseId != null ? { warehouseId: n.warehouseId } : {}) });
  }
  return [...sums.values()];
}

/**
 * What shipping takes off a stock level: on hand and reserved go down by the quantity, never below zero. `missing`
 * is what left the warehouse without being on hand (a count was wrong or the goods were short at release).
 */
export function shipFromStock(
  level: { onHand: number; reserved: number } | undefined,
  quantity: number,
): { onHand: number; reserved: number; missing: number } {
  const onHand = level?.onHand ?? 0;
  const reserved = level?.reserved ?? 0;
  return {
    onHand: Math.max(0, onHand - quantity),
    reserved: Math.max(0, reserved - quantity),
    missing: Math.max(0, quantity - Math.max(0, onHand)),
  };
}
