import { isIsoDate } from '../../core/calendar/dates.ts';
import { column, type RowSpec, rowRead } from '../imports/import-kind.ts';
import { INT32_MAX } from '../../core/shared/schemas.ts';
import { RowReader } from '../imports/row-reader.ts';

/** A row of a customer's stock report as read, before its codes are looked up in the customer's master data. */
export type StockReportRow = {
  /** Our delivery point code or its GLN. */
  deliveryPoint: string;
  /** Our product code, a GTIN (unit or case) or the customer's own code. */
  product: string;
  /** In the customer's unit when it names the product by its own code (the code's unit factor converts it). */
  onHand: number;
  date: string | null;
  /** Hundredths of a unit a day: "31,5" → 3150. */
  averageDailySalesCenti: number | null;
  /** Basis points: "250" (%) → 25000. */
  promoUpliftBp: number | null;
};

/** "2026-01-18" or the French "18/01/2026" (Excel's own dates arrive as ISO already). */
export function readReportDate(text: string): string | null {
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

export const stockReportRows: RowSpec<StockReportRow> = {
  columns: [
    column('deliveryPoint', 'C001-DP1', true),
    column('product', 'CM-204511', true),
    column('onHand', '96', true),
    column('date', '2026-01-18'),
    column('averageDailySales', '31'),
    column('promoUpliftPercent', '250'),
  ],
  keyColumn: 'product',
  key: (r) => `${r.deliveryPoint}\u0000${r.product}\u0000${r.date ?? ''}`,
  read(cells) {
    const r = new RowReader(cells);
    const dateText = r.text('date');
    const date = dateText === null ? null : readReportDate(dateText);
    const row = {
      deliveryPoint: r.text('deliveryPoint', true),
      product: r.text('product', true),
      onHand: r.int('onHand', true),
      date,
      averageDailySalesCenti: r.hundredths('averageDailySales'),
      promoUpliftBp: r.hundredths('promoUpliftPercent'),
    };
    const issues = [...r.issues];
    if (dateText !== null && date === null)
      issues.push({
        column: 'date',
        code: 'not-a-date',
        params: { value: dateText },
        reason: `"${dateText}" is not a date (2026-01-18 or 18/01/2026)`,
      });
    if (row.onHand !== null && row.onHand < 0)
      issues.push({ column: 'onHand', code: 'out-of-range', params: { comparison: '>=', limit: 0 }, reason: 'must be 0 or more' });
    for (const [column, value] of [
      ['averageDailySales', row.averageDailySalesCenti],
      ['promoUpliftPercent', row.promoUpliftBp],
    ] as const) {
      if (value !== null && value > INT32_MAX)
        issues.push({ column, code: 'out-of-range', params: { comparison: '<=', limit: INT32_MAX }, reason: 'is too large' });
    }
    return rowRead(row as StockReportRow, issues);
  },
};
