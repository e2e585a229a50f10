import { Type, type Static } from '@sinclair/typebox';
import { CodeString, NameString } from '../../core/catalog/catalog.schemas.ts';
import { Int32 } from '../../core/shared/schemas.ts';
import { column, type RowSpec, rowRead } from './import-kind.ts';
import { compact, RowReader, schemaIssues } from './row-reader.ts';

const PriceRowSchema = Type.Object({
  priceListCode: CodeString,
  priceListName: Type.Optional(NameString),
  productCode: CodeString,
  minQuantity: Int32({ minimum: 1 }),
  unitPriceCents: Int32({ minimum: 1 }),
});
export type PriceRow = Static<typeof PriceRowSchema>;

/**
 * One tier per row: from `minQuantity` sale units on, the unit price in euros (decimal comma or dot),
 * stored in cents. A list not yet known is created when the row names it (priceListName).
 */
export const priceListRows: RowSpec<PriceRow> = {
  columns: [
    column('priceListCode', 'PL-GMS-2026', true),
    column('priceListName', 'Tarif GMS 2026'),
    column('productCode', 'FAR-T55-S25', true),
    column('minQuantity', '1'),
    column('unitPrice', '16,50', true),
  ],
  keyColumn: 'productCode',
  key: (p) => `${p.priceListCode}\u0000${p.productCode}\u0000${p.minQuantity}`,
  read(cells) {
    const r = new RowReader(cells);
    const row = compact({
      priceListCode: r.text('priceListCode', true),
      priceListName: r.text('priceListName') ?? undefined,
      productCode: r.text('productCode', true),
      minQuantity: r.int('minQuantity') ?? 1,
      unitPriceCents: r.hundredths('unitPrice', true),
    }) as PriceRow;
    const issues = [...r.issues];
    issues.push(
      ...schemaIssues(
        PriceRowSchema,
        row,
        () => [],
        (path) => (path === 'unitPriceCents' ? 'unitPrice' : path),
        issues,
      ),
    );
    return rowRead(row, issues);
  },
};
