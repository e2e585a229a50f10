import { PRODUCT_STATUSES, SALE_UNITS, TEMPERATURE_CLASSES } from '../../core/catalog/product.ts';
import { type ProductInput, ProductInputSchema } from '../../core/catalog/catalog.schemas.ts';
import { productRuleErrors } from '../catalog/product.rules.ts';
import { column, type RowSpec, rowRead } from './import-kind.ts';
import { compact, RowReader, schemaIssues } from './row-reader.ts';

const COLUMN_OF: Record<string, string> = { vatRateBp: 'vatRate' };

/** One product per row, upserted by our code. The VAT rate is a percentage ("5,5" or "20"), as on an invoice. */
export const productRows: RowSpec<ProductInput> = {
  columns: [
    column('code', 'FAR-T55-S25', true),
    column('gtin', '3012345001021'),
    column('caseGtin', ''),
    column('name', 'Farine de blé T55 — sac 25 kg', true),
    column('family', 'FARINE', true),
    column('saleUnit', 'SAC', true),
    column('netWeightG', '25000', true),
    column('grossWeightG', '25150', true),
    column('unitsPerCarton', '1'),
    column('cartonsPerLayer', '5'),
    column('layersPerPallet', '8'),
    column('vatRate', '5,5', true),
    column('temperatureClass', 'AMBIANT', true),
    column('shelfLifeDays', '270'),
    column('status', 'active'),
  ],
  keyColumn: 'code',
  key: (p) => p.code,
  read(cells) {
    const r = new RowReader(cells);
    const product = compact({
      code: r.text('code', true),
      gtin: r.text('gtin'),
      caseGtin: r.text('caseGtin'),
      name: r.text('name', true),
      family: r.text('family', true),
      saleUnit: r.choice('saleUnit', SALE_UNITS, true),
      netWeightG: r.int('netWeightG', true),
      grossWeightG: r.int('grossWeightG', true),
      unitsPerCarton: r.int('unitsPerCarton') ?? 1,
      cartonsPerLayer: r.int('cartonsPerLayer'),
      layersPerPallet: r.int('layersPerPallet'),
      vatRateBp: r.hundredths('vatRate', true),
      temperatureClass: r.choice('temperatureClass', TEMPERATURE_CLASSES, true),
      shelfLifeDays: r.int('shelfLifeDays'),
      status: r.choice('status', PRODUCT_STATUSES) ?? undefined,
    }) as ProductInput;
    const issues = [...r.issues];
    issues.push(
      ...schemaIssues(
        ProductInputSchema,
        product,
        () => productRuleErrors(product),
        (path) => COLUMN_OF[path] ?? path,
        issues,
      ),
    );
    return rowRead(product, issues);
  },
};
