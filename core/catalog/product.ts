import type { Static } from '@sinclair/typebox';
import type { ProductSchema } from './catalog.schemas.ts';

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

/** A product as the API answers it: the schema (catalog.schemas.ts) is its one declaration, imported as a type only. */
export type Product = Static<typeof ProductSchema>;
