import type { Generated } from 'kysely';

export type ProductsTable = {
  id: Generated<number>;
  code: string;
  gtin: string | null;
  caseGtin: string | null;
  name: string;
  family: string;
  saleUnit: string;
  netWeightG: number;
  grossWeightG: number;
  unitsPerCarton: number;
  /** Null for bulk goods that never travel on a pallet. */
  cartonsPerLayer: number | null;
  layersPerPallet: number | null;
  vatRateBp: number;
  temperatureClass: string;
  shelfLifeDays: number | null;
  status: string;
  /** The category of the CGV its logistic penalties are capped in (L441-17); null: none given. */
  penaltyCategory: string | null;
  /** Name and code, lower-case without accents (core/shared/search-text.ts): what the search reads. */
  searchText: string;
  createdAt: string;
  updatedAt: string;
};

export type ProductSubstitutesTable = { productId: number; substituteId: number };

export type CustomerProductCodesTable = {
  id: Generated<number>;
  customerId: number;
  code: string;
  productId: number;
  unitFactor: number;
};

export type PriceListsTable = {
  id: Generated<number>;
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
};

export type PriceListItemsTable = {
  id: Generated<number>;
  priceListId: number;
  productId: number;
  minQuantity: number;
  unitPriceCents: number;
};
