import { Type, type Static } from '@sinclair/typebox';
import { isIsoDate } from '../../core/calendar/dates.ts';
import { CodeString } from '../../core/catalog/catalog.schemas.ts';
import { Int32, Text } from '../../core/shared/schemas.ts';
import { RECEIPT_KINDS, RECEIPT_STATUSES } from '../../core/stock/availability.schemas.ts';
import { column, type RowSpec, rowRead } from './import-kind.ts';
import { RowReader, schemaIssues } from './row-reader.ts';

const ReceiptRowSchema = Type.Object({
  warehouseCode: CodeString,
  productCode: CodeString,
  ref: Text(60, { minLength: 1 }),
  date: Type.String(),
  quantity: Int32({ minimum: 1, maximum: 10_000_000 }),
  kind: Type.Union(RECEIPT_KINDS.map((k) => Type.Literal(k))),
  status: Type.Union(RECEIPT_STATUSES.map((k) => Type.Literal(k))),
});
export type ReceiptRow = Static<typeof ReceiptRowSchema>;

/** 2026-01-22 or 22/01/2026 (how the plant's planning exports it); null when neither. */
export function isoDate(text: string): string | null {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text;
  return isIsoDate(iso) ? iso : null;
}

/**
 * The production plan (or purchase orders) as the plant exports it: one receipt per row, known by its reference
 * (the manufacturing order number) per warehouse and product, so a new export moves the receipts it already knows —
 * their first planned date is kept — and plans the others. status `cancelled` cancels one.
 */
export const receiptRows: RowSpec<ReceiptRow> = {
  columns: [
    column('warehouseCode', 'WH-MOULIN', true),
    column('productCode', 'FAR-T55-S25', true),
    column('ref', 'OF-26-0142', true),
    column('date', '2026-01-22', true),
    column('quantity', '1200', true),
    column('kind', 'PRODUCTION'),
    column('status', 'planned'),
  ],
  keyColumn: 'ref',
  key: (r) => `${r.warehouseCode}\u0000${r.productCode}\u0000${r.ref}`,
  read(cells) {
    const r = new RowReader(cells);
    const dateText = r.text('date', true);
    const date = dateText === null ? null : isoDate(dateText);
    if (dateText !== null && date === null)
      r.issues.push({
        column: 'date',
        code: 'not-a-date',
        params: { value: dateText },
        reason: `"${dateText}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
      });
    const row = {
      warehouseCode: r.text('warehouseCode', true),
      productCode: r.text('productCode', true),
      ref: r.text('ref', true),
      date,
      quantity: r.int('quantity', true),
      kind: r.choice('kind', RECEIPT_KINDS) ?? 'PRODUCTION',
      status: r.choice('status', RECEIPT_STATUSES) ?? 'planned',
    } as ReceiptRow;
    const issues = [...r.issues];
    issues.push(
      ...schemaIssues(
        ReceiptRowSchema,
        row,
        () => [],
        (path) => path,
        issues,
      ),
    );
    return rowRead(row, issues);
  },
};
