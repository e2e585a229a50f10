import { daysBetween, type IsoDate } from '../calendar/dates.ts';
import { FefoPool } from '../stock/fefo-pool.ts';
import { riskExposure } from './exposure.ts';
import { prioritise } from './priority.ts';
import type { Risk, RiskCause, RiskLine, RiskOrder, RiskReceipt, StockView } from './risk.types.ts';

/** A retail warehouse's slot is booked 24–48 h ahead: an unbooked appointment this close is a risk. */
export const APPOINTMENT_NOTICE_DAYS = 2;

const compareLines = (a: RiskLine, b: RiskLine) =>
  (a.order.promisedDate < b.order.promisedDate ? -1 : a.order.promisedDate > b.order.promisedDate ? 1 : 0) ||
  Number(b.order.released) - Number(a.order.released) || a.order.orderId - b.order.orderId || a.lineNo - b.lineNo;

/** A receipt planned in time for the date that now comes after it, or not at all: the line depended on it. */
function slipped(receipts: readonly RiskReceipt[], date: IsoDate): RiskReceipt | null {
  for (const r of receipts) if (r.originalDate <= date && (r.status === 'cancelled' || r.date > date)) return r;
  return null;
}

type Found = Omit<Risk, 'priority' | 'key' | 'daysLeft' | 'exposureCents'> & { order: RiskOrder; penaltyCategory: string | null; lineNet: number };

/**
 * Every open line of a confirmed or released order that will not be delivered in full on its promised date. Per
 * product, the lines are served in promise order (date, released before confirmed, then order and line) from one
 * FEFO pool: each takes the oldest goods its customer accepts on its date, receipts join the pool on their date,
 * and what a line cannot get is its shortfall (not carried: a short line does not take the next receipt from a later
 * line, which keeps one slipped receipt to the one line that counted on it). A shortfall is `receipt-late` when a
 * receipt planned in time slipped or was cancelled, else `stock-shortfall`. Order-wide: a load beyond one truck, an
 * appointment not booked close to the date. Linear in lines once sorted: one pass per product, lots and receipts
 * walked with pointers.
 */
export function scanRisks(lines: readonly RiskLine[], stock: StockView, today: IsoDate): Risk[] {
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
    const pool = new FefoPool(s?.onHand ?? 0, s?.lots ?? []);
    const planned = (s?.receipts ?? []).filter((r) => r.status === 'planned' && r.quantity > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const changed = (s?.receipts ?? []).filter((r) => r.status === 'cancelled' || r.date !== r.originalDate);
    let ri = 0;
    for (const l of productLines) {
      const o = l.order;
      while (ri < planned.length && planned[ri].date <= o.promisedDate) pool.receive(planned[ri].date, planned[ri++].quantity, shelf);
      const served = pool.take(l.quantity, o.promisedDate, o.minRemainingShelfLifePct, shelf);
      const shortfall = l.quantity - served;
      if (shortfall <= 0) continue;
      const receipt = slipped(changed, o.promisedDate);
      const cause: RiskCause = receipt ? 'receipt-late' : 'stock-shortfall';
      const unit = l.quantity > 0 ? l.netCents / l.quantity : 0;
      found.push({
        order: o, penaltyCategory: l.penaltyCategory, lineNet: l.netCents, orderId: o.orderId, orderLineId: l.lineId, customerId: o.customerId, productId, cause,
        promisedDate: o.promisedDate, shortfall, valueCents: Math.round(unit * shortfall), receiptRef: receipt?.ref ?? null,
      });
    }
  }

  return found.map(({ order, penaltyCategory, lineNet, ...found }) => {
    // An order-wide risk puts the whole order at stake.
    const f = found.orderLineId === null ? { ...found, valueCents: orderValue.get(found.orderId) ?? 0 } : found;
    const daysLeft = daysBetween(today, f.promisedDate);
    const capBase = f.orderLineId === null ? f.valueCents : (categoryValue.get(`${order.orderId}\u0000${penaltyCategory ?? ''}`) ?? lineNet);
    const exposureCents = riskExposure(order.penalty, f.cause, f.valueCents, capBase);
    const priority = prioritise({ daysLeft, typology: order.typology, exposureCents, valueCents: f.valueCents });
    return { ...f, key: `${f.orderId}:${f.orderLineId ?? '-'}:${f.cause}:${f.promisedDate}`, daysLeft, exposureCents, priority };
  });
}

/** Once per order (on its first line seen): the truck and the appointment. */
function orderWide(l: RiskOrder, found: Found[], today: IsoDate): void {
  const base = { order: l, penaltyCategory: null, lineNet: 0, orderId: l.orderId, orderLineId: null, customerId: l.customerId, productId: null, promisedDate: l.promisedDate, shortfall: 0, receiptRef: null };
  if (l.palletsCenti > l.truck.maxPallets * 100 || l.weightG > l.truck.maxWeightG) found.push({ ...base, cause: 'truck-capacity', valueCents: 0 });
  if (l.appointmentRequired && !l.appointmentAt && daysBetween(today, l.promisedDate) <= APPOINTMENT_NOTICE_DAYS) found.push({ ...base, cause: 'appointment-missing', valueCents: 0 });
}
