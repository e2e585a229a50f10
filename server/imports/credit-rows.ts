import { Type, type Static } from '@sinclair/typebox';
import { CodeString } from '../../core/catalog/catalog.schemas.ts';
import { column, type RowSpec, rowRead } from './import-kind.ts';
import { isoDate } from './receipt-rows.ts';
import { RowReader, schemaIssues } from './row-reader.ts';

const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });
const CreditRowSchema = Type.Object({ customerCode: CodeString, unpaidBalanceCents: Cents, overdueCents: Cents, asOf: Type.String() });
export type CreditRow = Static<typeof CreditRowSchema>;
const COLUMN_OF_PATH: Record<string, string> = { unpaidBalanceCents: 'unpaidBalance', overdueCents: 'overdue' };

/**
 * The accounting's aged balance: per customer, what is invoiced and not paid (TTC) and the part of it past its due
 * date, as of the day the accounting closed the figures. One row per customer replaces what Carnet held.
 */
export const creditRows: RowSpec<CreditRow> = {
  columns: [
    column('customerCode', 'C001', true),
    column('unpaidBalance', '12500,00', true),
    column('overdue', '1800,00'),
    column('asOf', '2026-12-04', true),
  ],
  keyColumn: 'customerCode',
  key: (r) => r.customerCode,
  read(cells) {
    const r = new RowReader(cells);
    const asOfText = r.text('asOf', true);
    const asOf = asOfText === null ? null : isoDate(asOfText);
    if (asOfText !== null && asOf === null)
      r.issues.push({
        column: 'asOf',
        code: 'not-a-date',
        params: { value: asOfText },
        reason: `"${asOfText}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
      });
    const row = {
      customerCode: r.text('customerCode', true),
      unpaidBalanceCents: r.hundredths('unpaidBalance', true),
      overdueCents: r.hundredths('overdue') ?? 0,
      asOf,
    } as CreditRow;
    const issues = [...r.issues];
    issues.push(
      ...schemaIssues(
        CreditRowSchema,
        row,
        () => [],
        (path) => COLUMN_OF_PATH[path] ?? path,
        issues,
      ),
    );
    if (!issues.length && row.overdueCents > row.unpaidBalanceCents)
      issues.push({
        column: 'overdue',
        code: 'out-of-range',
        params: { comparison: '<=', limit: row.unpaidBalanceCents / 100 },
        reason: 'the overdue part cannot exceed the unpaid balance',
      });
    return rowRead(row, issues);
  },
};
