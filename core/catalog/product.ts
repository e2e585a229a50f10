export const SALE_UNITS = ['SAC', 'COLIS', 'BIG_BAG', 'TONNE', 'UNITE'] as const;
export type SaleUnit = (typeof SALE_UNITS)[number];
export const TEMPERATURE_CLASSES = ['AMBIANT', 'SURGELE', 'FRAIS'] as const;
export type TemperatureClass = (typeof TEMPERATURE_CLASSES)[number];
export const PRODUCT_STATUSES = ['active', 'discontinued'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const VAT_RATES_BP = [550, 2000] as const;

/**
 * How the sale unit packs: sale units in a carton, cartons in a pallet layer, layers in a pallet.
 * Bulk goods (tanker loads sold by the tonne) have no layer and no pallet: both are null.
 */
export type Packaging = {
  unitsPerCarton: number;
  cartonsPerLayer: number | null;
  layersPerPallet: number | null;
};

export type Product = Packaging & {
  id: number;
  code: string;
  gtin: string | null;
  caseGtin: string | null;
  name: string;
  family: string;
  saleUnit: SaleUnit;
  netWeightG: number;
  grossWeightG: number;
  vatRateBp: number;
  temperatureClass: TemperatureClass;
  shelfLifeDays: number | null;
  status: ProductStatus;
};
