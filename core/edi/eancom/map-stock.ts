import { MAX_STOCK_QUANTITY } from '../../customer-stock/customer-stock.types.ts';
import type { EdiInventoryLine, EdiInventoryReport } from './invrpt.ts';
import { type EdiRefusal, refuseAt } from './refusal.ts';

/** Stock on hand by delivery point, then by product: what one report records (one stock report per point). */
export type StockByPoint = Map<number, Map<number, number>>;

/**
 * The report's stock figures (QTY+145) by delivery point and product, summed where a product is reported twice
 * at one place. Pure: the caller finds the product of a line and the delivery point of a location (undefined:
 * the figure is skipped). A figure that is not a whole number from 0 to MAX_STOCK_QUANTITY, or a sum beyond it,
 * refuses the report: what the columns hold on both engines.
 */
export function mapStockReport(
  report: EdiInventoryReport,
  productOf: (line: EdiInventoryLine) => number | undefined,
  pointOf: (location: string | null) => number | undefined,
): { byPoint: StockByPoint; refusal: null } | { byPoint: null; refusal: EdiRefusal } {
  const byPoint: StockByPoint = new Map();
  const expected = `a whole stock figure from 0 to ${MAX_STOCK_QUANTITY}`;
  for (const line of report.lines) {
    for (const e of line.entries) {
      if (e.qualifier !== '145') continue;
      if (!Number.isInteger(e.quantity) || e.quantity < 0 || e.quantity > MAX_STOCK_QUANTITY) {
        return {
          byPoint: null,
          refusal: refuseAt(
            'stock-out-of-bounds',
            { found: e.quantity, limit: MAX_STOCK_QUANTITY },
            'stock figure out of bounds',
            e.source,
            { element: 1, component: 2 },
            expected,
            String(e.quantity),
          ),
        };
      }
      const product = productOf(line);
      const point = product === undefined ? undefined : pointOf(e.location);
      if (product === undefined || point === undefined) continue;
      const stock = byPoint.get(point) ?? new Map<number, number>();
      const sum = (stock.get(product) ?? 0) + e.quantity;
      if (sum > MAX_STOCK_QUANTITY) {
        return {
          byPoint: null,
          refusal: refuseAt(
            'stock-sum-out-of-bounds',
            { found: sum, limit: MAX_STOCK_QUANTITY },
            'stock of a product at one place out of bounds',
            e.source,
            { element: 1, component: 2 },
            `${expected} for a product at one place, added up`,
            String(sum),
          ),
        };
      }
      stock.set(product, sum);
      byPoint.set(point, stock);
    }
  }
  return { byPoint, refusal: null };
}
