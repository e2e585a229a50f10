import { daysBetween } from '../calendar/dates.ts';
import type { DailyUse, DeliveredQuantity, StockSnapshot } from './customer-stock.types.ts';

/**
 * Estimates each product's daily use at the customer from its successive stock reports and what we delivered.
 *
 * Method. For each product, the reports are taken in date order (the last one of a day wins). Between two
 * consecutive reports A and B the customer used `A.onHand + delivered − B.onHand`, where `delivered` counts our
 * deliveries dated after A and up to B included: a report is the stock at the end of its day, that day's delivery
 * already in it. An interval whose use comes out negative is noise (a miscount, a
 * delivery we do not know of, a transfer between the customer's sites): it is left out whole rather than allowed to
 * cancel real use. The estimate is the total use over the total days of the intervals kept, so a long quiet
 * interval weighs as much as its days. With no usable interval (a single report, or only noise), the customer's
 * own average daily sales of its latest report are taken, if it gave one; otherwise the use is unknown (0, `none`).
 */
export function dailyUse(reports: readonly StockSnapshot[], deliveries: readonly DeliveredQuantity[]): Map<number, DailyUse> {
  const byProduct = new Map<number, Map<string, StockSnapshot>>();
  for (const r of reports) {
    const days = byProduct.get(r.productId) ?? new Map<string, StockSnapshot>();
    days.set(r.date, r);
    byProduct.set(r.productId, days);
  }
  const out = new Map<number, DailyUse>();
  for (const [productId, days] of byProduct) {
    const series = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
    const received = deliveries.filter((d) => d.productId === productId);
    let used = 0;
    let span = 0;
    for (let i = 1; i < series.length; i++) {
      const a = series[i - 1];
      const b = series[i];
      const delivered = received.filter((d) => d.date > a.date && d.date <= b.date).reduce((s, d) => s + d.quantity, 0);
      const use = a.onHand + delivered - b.onHand;
      if (use < 0) continue;
      used += use;
      span += daysBetween(a.date, b.date);
    }
    const latest = series[series.length - 1];
    if (span > 0) out.set(productId, { productId, perDay: used / span, method: 'history', days: span });
    else if (latest.averageDailySales != null && latest.averageDailySales > 0)
      out.set(productId, { productId, perDay: latest.averageDailySales, method: 'reported', days: 0 });
    else out.set(productId, { productId, perDay: 0, method: 'none', days: 0 });
  }
  return out;
}

/** Days the stock lasts at this daily use; null when the use is unknown or zero (it lasts forever, or we cannot say). */
export function daysOfCover(onHand: number, perDay: number): number | null {
  return perDay > 0 ? Math.max(onHand, 0) / perDay : null;
}
