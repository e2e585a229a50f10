import { daysBetween, type IsoDate } from '../calendar/dates.ts';
import { FefoPool } from '../stock/fefo-pool.ts';
import { pickWarehouse } from '../stock/warehouse-choice.ts';
import { riskExposure } from './exposure.ts';
import { applyShortfalls, type ProductionShortfall } from './production-shortfall.ts';
import { prioritise } from './priority.ts';
import type { Risk, RiskCause, RiskLine, RiskOrder, RiskReceipt, StockView, WarehouseStockView } from './risk.types.ts';

/** A retail warehouse's slot is booked 24–48 h ahead: an unbooked appointment this close is a risk. */
export const APPOINTMENT_NOTICE_DAYS = 2;

/** The date a line leaves on: its own after a split, else its order's. */
const dateOf = (l: RiskLine): IsoDate => l.plannedDate ?? l.order.promisedDate;

const compareLines = (a: RiskLine, b: RiskLine) =>
  (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0) ||
  Number(b.order.released) - Number(a.order.released) ||
  a.order.orderId - b.order.orderId ||
  a.lineNo - b.lineNo;

/** A receipt planned in time for the date that now comes after it, or not at all: the line depended on it. */
function slipped(receipts: readonly RiskReceipt[], date: IsoDate): RiskReceipt | null {
  for (const r of receipts) if (r.originalDate <= date && (r.status === 'cancelled' || r.date > date)) return r;
  return null;
}

type Found = Omit<Risk, 'priority' | 'key' | 'daysLeft' | 'exposureCents'> & {
  order: RiskOrder;
  penaltyCategory: string | null;
  lineNet: number;
};

/** One warehouse's goods of a product as the scan walks the dates: its FEFO pool and its receipts still to come. */
class Place {
  readonly pool: FefoPool;
  private readonly planned: RiskReceipt[];
  readonly changed: RiskReceipt[];
  /** Production runs a shortfall cut, by date. */
  readonly cut: RiskReceipt[];
  private next = 0;

  constructor(
    readonly w: WarehouseStockView,
    private readonly shelf: number | null,
    shortfalls: readonly ProductionShortfall[] = [],
  ) {
    this.pool = new FefoPool(w.onHand, w.lots);
    const receipts = applyShortfalls(w.receipts, shortfalls);
    const byDate = (a: RiskReceipt, b: RiskReceipt) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
    this.planned = receipts.filter((r) => r.status === 'planned' && r.quantity > 0).sort(byDate);
    this.changed = receipts.filter((r) => r.status === 'cancelled' || r.date !== r.originalDate);
    // A run cut to nothing (100 %) joins no pool, but the lines still counted on it.
    this.cut = receipts.filter((r) => 'plannedQuantity' in r).sort(byDate);
  }

  /** The first production run due by the date that a shortfall cut: the line counted on its full quantity. */
  cutBy(date: IsoDate): RiskReceipt | null {
    return this.cut.find((r) => r.date <= date) ?? null;
  }

  /** Receipts due on or before the date join the pool. */
  advance(date: IsoDate): void {
    while (this.next < this.planned.length && this.planned[this.next].date <= date)
      this.pool.receive(this.planned[this.next].date, this.planned[this.next++].quantity, this.shelf);
  }
}

/**
 * Every open line of a confirmed or released order that will not be delivered in full on its date (the order's
 * promised date, or the line's own after a split). Per product, the lines are served in promise order (date,
 * released before confirmed, then order and line), each from one warehouse's FEFO pool: a released line from its
 * delivery's warehouse, a line bound to a warehouse from that one, any other from the warehouse release would
 * choose on the date (`pickWarehouse`: one that can serve it all, else the one with most). Each line takes the
 * oldest goods its customer accepts on its date, receipts join their warehouse's pool on their date, and what a
 * line cannot get is its shortfall (not carried: a short line does not take the next receipt from a later line,
 * which keeps one slipped receipt to the one line that counted on it). So a released line short in its warehouse
 * is a risk even when another warehouse holds the goods: the call offers to deliver from there. A shortfall is
 * `receipt-late` when a receipt of that warehouse planned in time slipped or was cancelled, `production-shortfall`
 * when a production run due there by the date was cut by a shortfall (a line down: `shortfalls`, applied to the
 * production receipts dated within their period), else `stock-shortfall`.
 * Order-wide: a load beyond one truck, an appointment not booked close to the date. Linear in lines once sorted:
 * one pass per product, lots and receipts walked with pointers.
 */
export function scanRisks(
  lines: readonly RiskLine[],
  stock: StockView,
  today: IsoDate,
  shortfalls: readonly ProductionShortfall[] = [],
): Risk[] {
  const found: Found[] = [];
  const byProduct = new Map<number, RiskLine[]>();
  const categoryValue = new Map<string, number>();
  const orderValue = new Map<number, number>();
  for (const l of lines) {
    let list = byProduct.get(l.productId);
    if (!list) byProduct.set(l.productId, (list = []));
    list.push(l);
    const ck = `${l.order.orderId}\u0000${l.penaltyCategory ?? ''}`;
    categoryValue.set(ck, (categoryValue.get(ck) ?? 0) + l.netCents);
    if (!orderValue.has(l.order.orderId)) orderWide(l.order, found, today);
    orderValue.set(l.order.orderId, (orderValue.get(l.order.orderId) ?? 0) + l.netCents);
  }

  for (const [productId, productLines] of byProduct) {
    const s = stock.get(productId);
    productLines.sort(compareLines);
    const shelf = s?.shelfLifeDays ?? null;
    const cuts = shortfalls.filter((c) => c.productId === productId);
    const places = new Map(
      (s?.warehouses ?? []).map((w) => [
        w.warehouseId,
        new Place(
          w,
          shelf,
          cuts.filter((c) => c.warehouseId === w.warehouseId),
        ),
      ]),
    );
    const empty = (warehouseId: number | null) => new Place({ warehouseId: warehouseId ?? 0, onHand: 0, lots: [], receipts: [] }, shelf);
    for (const l of productLines) {
      const o = l.order;
      const date = dateOf(l);
      for (const p of places.values()) p.advance(date);
      let place: Place;
      if (l.warehouseId !== null) place = places.get(l.warehouseId) ?? empty(l.warehouseId);
      else if (places.size === 1) place = places.values().next().value!;
      else {
        const candidates = [...places.values()].map((p) => ({
          warehouseId: p.w.warehouseId,
          available: p.pool.split(date, o.minRemainingShelfLifePct, shelf).acceptable,
        }));
        const chosen = pickWarehouse(l.quantity, candidates);
        place = chosen === null ? empty(null) : places.get(chosen)!;
      }
      const served = place.pool.take(l.quantity, date, o.minRemainingShelfLifePct, shelf);
      const shortfall = l.quantity - served;
      if (shortfall <= 0) continue;
      const late = slipped(place.changed, date);
      const cut = late ? null : place.cutBy(date);
      const receipt = late ?? cut;
      const cause: RiskCause = late ? 'receipt-late' : cut ? 'production-shortfall' : 'stock-shortfall';
      const unit = l.quantity > 0 ? l.netCents / l.quantity : 0;
      found.push({
        order: o,
        penaltyCategory: l.penaltyCategory,
        lineNet: l.netCents,
        orderId: o.orderId,
        orderLineId: l.lineId,
        customerId: o.customerId,
        productId,
        cause,
        promisedDate: date,
        shortfall,
        valueCents: Math.round(unit * shortfall),
        receiptRef: receipt?.ref ?? null,
        warehouseId: places.has(place.w.warehouseId) || l.warehouseId !== null ? place.w.warehouseId : null,
      });
    }
  }

  return found.map(({ order, penaltyCategory, lineNet, ...found }) => {
    // An order-wide risk puts the whole order at stake.
    const f = found.orderLineId === null ? { ...found, valueCents: orderValue.get(found.orderId) ?? 0 } : found;
    const daysLeft = daysBetween(today, f.promisedDate);
    const capBase =
      f.orderLineId === null ? f.valueCents : (categoryValue.get(`${order.orderId}\u0000${penaltyCategory ?? ''}`) ?? lineNet);
    const exposureCents = riskExposure(order.penalty, f.cause, f.valueCents, capBase);
    const priority = prioritise({ daysLeft, typology: order.typology, exposureCents, valueCents: f.valueCents });
    return { ...f, key: `${f.orderId}:${f.orderLineId ?? '-'}:${f.cause}:${f.promisedDate}`, daysLeft, exposureCents, priority };
  });
}

/** Once per order (on its first line seen): the truck and the appointment. */
function orderWide(l: RiskOrder, found: Found[], today: IsoDate): void {
  const base = {
    order: l,
    penaltyCategory: null,
    lineNet: 0,
    orderId: l.orderId,
    orderLineId: null,
    customerId: l.customerId,
    productId: null,
    promisedDate: l.promisedDate,
    shortfall: 0,
    receiptRef: null,
    warehouseId: null,
  };
  if (l.palletsCenti > l.truck.maxPallets * 100 || l.weightG > l.truck.maxWeightG)
    found.push({ ...base, cause: 'truck-capacity', valueCents: 0 });
  if (l.appointmentRequired && !l.appointmentAt && daysBetween(today, l.promisedDate) <= APPOINTMENT_NOTICE_DAYS)
    found.push({ ...base, cause: 'appointment-missing', valueCents: 0 });
}
