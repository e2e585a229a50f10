import type { Product, ProductStatus, SaleUnit, TemperatureClass } from '../../../core/catalog/product.ts';
import { blankToNull, parseInteger } from '../shared/form-values.ts';
import type { ProductDetail } from '../api/types.ts';

export type ProductFormValues = {
  code: string;
  gtin: string;
  caseGtin: string;
  name: string;
  family: string;
  saleUnit: SaleUnit;
  netWeightG: string;
  grossWeightG: string;
  unitsPerCarton: string;
  cartonsPerLayer: string;
  layersPerPallet: string;
  vatRateBp: string;
  temperatureClass: TemperatureClass;
  shelfLifeDays: string;
  status: ProductStatus;
  substituteIds: string[];
};

const text = (n: number | null) => (n === null ? '' : String(n));

export function productToForm(p: ProductDetail | null): ProductFormValues {
  return {
    code: p?.code ?? '',
    gtin: p?.gtin ?? '',
    caseGtin: p?.caseGtin ?? '',
    name: p?.name ?? '',
    family: p?.family ?? '',
    saleUnit: p?.saleUnit ?? 'SAC',
    netWeightG: text(p?.netWeightG ?? null),
    grossWeightG: text(p?.grossWeightG ?? null),
    unitsPerCarton: text(p?.unitsPerCarton ?? 1),
    cartonsPerLayer: text(p ? p.cartonsPerLayer : null),
    layersPerPallet: text(p ? p.layersPerPallet : null),
    vatRateBp: text(p?.vatRateBp ?? 550),
    temperatureClass: p?.temperatureClass ?? 'AMBIANT',
    shelfLifeDays: text(p?.shelfLifeDays ?? null),
    status: p?.status ?? 'active',
    substituteIds: (p?.substitutes ?? []).map((s) => String(s.id)),
  };
}

/** A number field: the number, null when left blank, or the text as typed so the server names the field. */
function numberOrNull(value: string): number | string | null {
  if (value.trim() === '') return null;
  return parseInteger(value) ?? value;
}

/** Body of POST /api/products and PUT /api/products/{id}. */
export function productBody(v: ProductFormValues): Omit<Record<keyof Product, unknown>, 'id'> & { substituteIds: number[] } {
  return {
    code: v.code.trim(),
    gtin: blankToNull(v.gtin),
    caseGtin: blankToNull(v.caseGtin),
    name: v.name.trim(),
    family: v.family.trim(),
    saleUnit: v.saleUnit,
    netWeightG: numberOrNull(v.netWeightG),
    grossWeightG: numberOrNull(v.grossWeightG),
    unitsPerCarton: numberOrNull(v.unitsPerCarton),
    cartonsPerLayer: numberOrNull(v.cartonsPerLayer),
    layersPerPallet: numberOrNull(v.layersPerPallet),
    vatRateBp: Number(v.vatRateBp),
    temperatureClass: v.temperatureClass,
    shelfLifeDays: numberOrNull(v.shelfLifeDays),
    status: v.status,
    substituteIds: v.substituteIds.map(Number),
  };
}
