import { Type, type Static } from '@sinclair/typebox';
import { CodeString } from '../../core/catalog/catalog.schemas.ts';
import { Int32 } from '../../core/shared/schemas.ts';
import { column, type RowSpec, rowRead } from './import-kind.ts';
import { RowReader, schemaIssues } from './row-reader.ts';

const StockRowSchema = Type.Object({ warehouseCode: CodeString, productCode: CodeString, onHand: Int32({ minimum: 0 }) });
export type StockRow = Static<typeof StockRowSchema>;

/** An inventory count: what is on hand per warehouse and product, upserted; reservations are left alone. */
export const stockRows: RowSpec<StockRow> = {
  columns: [column('warehouseCode', 'WH-MOULIN', true), column('productCode', 'FAR-T55-S25', true), column('onHand', '1200', true)],
  keyColumn: 'productCode',
  key: (s) => `${s.warehouseCode}\u0000${s.productCode}`,
  read(cells) {
    const r = new RowReader(cells);
    const row = {
      warehouseCode: r.text('warehouseCode', true),
      productCode: r.text('productCode', true),
      onHand: r.int('onHand', true),
    } as StockRow;
    const issues = [...r.issues];
    issues.push(
      ...schemaIssues(
        StockRowSchema,
        row,
        () => [],
        (path) => path,
        issues,
      ),
    );
    return rowRead(row, issues);
  },
};
