import type { FieldError } from '../errors.ts';
import type { ProductInput } from '../../core/catalog/catalog.schemas.ts';
import { gs1Errors } from '../http/field-errors.ts';

/**
 * What the schema cannot say about a product. Paths are relative to the product; the caller prefixes them
 * (`body.` for the API, a column name for an import).
 */
export function productRuleErrors(
  p: Pick<ProductInput, 'gtin' | 'caseGtin' | 'netWeightG' | 'grossWeightG' | 'cartonsPerLayer' | 'layersPerPallet'>,
): FieldError[] {
  const errors = [...gs1Errors('gtin', p.gtin), ...gs1Errors('caseGtin', p.caseGtin)];
  if (p.grossWeightG < p.netWeightG)
    errors.push({
      path: 'grossWeightG',
      code: 'out-of-range',
      params: { comparison: '>=', limit: p.netWeightG },
      message: 'must be at least the net weight',
    });
  // Bulk goods have neither layer nor pallet; palletised goods need both, or pallet counts would be wrong.
  if ((p.cartonsPerLayer === null) !== (p.layersPerPallet === null)) {
    const missing = p.cartonsPerLayer === null ? 'cartonsPerLayer' : 'layersPerPallet';
    errors.push({
      path: missing,
      code: 'packaging-pair',
      params: {},
      message: 'cartonsPerLayer and layersPerPallet are both empty (bulk) or both set',
    });
  }
  return errors;
}
