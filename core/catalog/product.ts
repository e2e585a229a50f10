import type { Static } from '@sinclair/typebox';
import type { ProductSchema } from './catalog.schemas.ts';

export {
  SALE_UNITS,
  TEMPERATURE_CLASSES,
  PRODUCT_STATUSES,
  VAT_RATES_BP,
  type SaleUnit,
  type TemperatureClass,
  type ProductStatus,
} from './product-enums.ts';

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
