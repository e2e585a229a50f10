import type { IsoDate } from '../calendar/dates.ts';
import type { Availability, AvailabilityInput, PlannedReceipt, Reservation, WarehouseAvailability } from './availability.types.ts';
import { FefoPool } from './fefo-pool.ts';

/**
 * Where a reservation not yet released weighs: its own warehouse, else the product's main one (most on hand,
 * lowest id on a tie), which is where release would most likely take it from.
 */
function mainWarehouse(input: AvailabilityInput): number | null {
  const ids = new Set<number>([
    ...input.stockByWarehouse.map((s) => s.warehouseId),
    ...input.lots.map((l) => l.warehouseId),
    ...input.receipts.map((r) => r.warehouseId),
  ]);
  let best: { id: number; onHand: number } | null = null;
  for (const id of [...ids].sort((a, b) => a - b)) {
    const onHand = input.stockByWarehouse.find((s) => s.warehouseId === id)?.onHand ?? 0;
    if (!best || onHand > best.onHand) best = { id, onHand };
  }
  return best?.id ?? null;
}

type Place = {
  warehouseId: number;
  onHand: number;
  reserved: number;
  lots: AvailabilityInput['lots'];
  receipts: PlannedReceipt[];
  reservations: Reservation[];
};

function places(input: AvailabilityInput): Place[] {
  const main = mainWarehouse(input);
  if (main === null) return [];
  const ids = new Set<number>([
    main,
    ...input.stockByWarehouse.map((s) => s.warehouseId),
    ...input.lots.map((l) => l.warehouseId),
    ...input.receipts.map((r) => r.warehouseId),
  ]);
  return [...ids]
    .sort((a, b) => a - b)
    .map((warehouseId) => {
      const level = input.stockByWarehouse.find((s) => s.warehouseId === warehouseId);
      return {
        warehouseId,
        onHand: level?.onHand ?? 0,
        reserved: level?.reserved ?? 0,
        lots: input.lots.filter((l) => l.warehouseId === warehouseId),
        receipts: input.receipts
          .filter((r) => r.warehouseId === warehouseId && r.quantity > 0)
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
        // A stable sort keeps the promise order the caller gave within a date.
        reservations: input.reservations
          .filter((r) => (r.warehouseId ?? main) === warehouseId && r.quantity > 0)
          .map((r, i) => ({ r, i }))
          .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
          .map((x) => x.r),
      };
    });
}

/**
 * What one warehouse can promise on `date` to this customer. Two limits, the smaller wins:
 * - the lots: released orders take the oldest goods first, then each other order in promise order takes the oldest
 *   goods still within their DDM on its date (receipts join the pool on their date); what is left and has enough
 *   life for this customer on `date` can be promised;
 * - the count, looking ahead: on hand − reserved + receipts − reservations, at `date` and at every later date. A
 *   promise today must not take what a later order was already promised and no receipt replaces in time.
 */
function atWarehouse(p: Place, date: IsoDate, input: AvailabilityInput): WarehouseAvailability & { net: number } {
  const shelf = input.shelfLifeDays;
  const pool = new FefoPool(p.onHand, p.lots);
  pool.take(p.reserved, null, null, shelf);
  let ri = 0;
  let receipts = 0;
  let reservations = 0;
  for (const r of p.reservations) {
    if (r.date > date) break;
    while (ri < p.receipts.length && p.receipts[ri].date <= r.date) {
      pool.receive(p.receipts[ri].date, p.receipts[ri].quantity, shelf);
      receipts += p.receipts[ri++].quantity;
    }
    pool.take(r.quantity, r.date, null, shelf);
    reservations += r.quantity;
  }
  while (ri < p.receipts.length && p.receipts[ri].date <= date) {
    pool.receive(p.receipts[ri].date, p.receipts[ri].quantity, shelf);
    receipts += p.receipts[ri++].quantity;
  }
  const { acceptable, refused } = pool.split(date, input.minRemainingShelfLifePct, shelf);

  let net = p.onHand - p.reserved + receipts - reservations;
  let lowest = net;
  const later = [
    ...p.receipts.filter((r) => r.date > date).map((r) => ({ date: r.date, delta: r.quantity })),
    ...p.reservations.filter((r) => r.date > date).map((r) => ({ date: r.date, delta: -r.quantity })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.delta - b.delta));
  for (const e of later) {
    net += e.delta;
    if (net < lowest) lowest = net;
  }
  // Lots the customer refuses never add to what may be promised; a deficit is kept (unclamped) so the total nets it.
  const net0 = Math.min(acceptable, lowest);
  return {
    warehouseId: p.warehouseId,
    onHand: p.onHand,
    reserved: p.reserved,
    tooOld: refused,
    receipts,
    reservations,
    promisable: Math.max(0, net0),
    net: net0,
  };
}

/**
 * Available to promise (ATP) for one product on a date, for one customer (his minimum remaining shelf life), in
 * every warehouse that holds it, and the earliest date a quantity can be complete. Pure: the caller loads stock,
 * lots, planned receipts and the other orders' open lines once.
 */
export function availability(productId: number, date: IsoDate, input: AvailabilityInput): Availability & { productId: number } {
  const all = places(input);
  // Each warehouse on its own, then the product as a whole: an order short in one warehouse is served from
  // another, so one warehouse's deficit weighs on the total (byWarehouse figures are each warehouse's own).
  const on = (d: IsoDate) => {
    const rows = all.map((p) => atWarehouse(p, d, input));
    const byWarehouse = rows.map(({ net: _n, ...w }) => w);
    return {
      byWarehouse,
      promisable: Math.max(
        0,
        rows.reduce((s, w) => s + w.net, 0),
      ),
    };
  };
  const today = on(date);
  return {
    productId,
    date,
    promisable: today.promisable,
    byWarehouse: today.byWarehouse,
    // What can be promised only grows when goods arrive (reservations and ageing only take away): the candidates
    // are the date itself and each later receipt date.
    earliestCompleteDate(quantity: number): IsoDate | null {
      if (quantity <= today.promisable) return date;
      const dates = [...new Set(input.receipts.filter((r) => r.date > date && r.quantity > 0).map((r) => r.date))].sort();
      for (const d of dates) if (on(d).promisable >= quantity) return d;
      return null;
    },
  };
}
