/** A lot on a despatched line; lot null: goods no lot on file accounts for. */
export type DespatchLot = { lot: string | null; bestBefore: string | null; quantity: number };

/** What one line of a pallet carries: one lot of one order line (a DESADV LIN names a single batch). */
export type PalletSlice<T> = { line: T; quantity: number; lot: string | null; bestBefore: string | null };

/**
 * Loads a delivery onto pallets for the DESADV: each order line on its own full pallets (`perPallet` sale units,
 * the last one partial; null: the whole line on one), its lots in the order they were picked. A pallet holding the
 * end of one lot and the start of the next carries one slice per lot, so each LIN under a CPS has one batch and
 * one best-before date (DTM+361, GIN+BX). Lots adding up to less than the line: the rest travels without a lot.
 */
export function palletize<T>(
  lines: readonly { line: T; quantity: number; perPallet: number | null; lots: readonly DespatchLot[] }[],
): PalletSlice<T>[][] {
  const pallets: PalletSlice<T>[][] = [];
  for (const { line, quantity, perPallet, lots } of lines) {
    if (quantity <= 0) continue;
    const named = lots.filter((l) => l.quantity > 0);
    const rest = quantity - named.reduce((sum, l) => sum + l.quantity, 0);
    const queue = rest > 0 ? [...named, { lot: null, bestBefore: null, quantity: rest }] : named;
    const per = perPallet && perPallet > 0 ? perPallet : quantity;
    let left = quantity;
    let k = 0;
    let fromLot = queue[0]?.quantity ?? 0;
    while (left > 0) {
      const pallet: PalletSlice<T>[] = [];
      let room = Math.min(per, left);
      while (room > 0) {
        const lot = queue[k];
        const n = Math.min(room, fromLot);
        pallet.push({ line, quantity: n, lot: lot.lot, bestBefore: lot.bestBefore });
        room -= n;
        left -= n;
        fromLot -= n;
        if (fromLot === 0 && k + 1 < queue.length) fromLot = queue[++k].quantity;
      }
      pallets.push(pallet);
    }
  }
  return pallets;
}
