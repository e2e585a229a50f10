import { Type, type Static } from '@sinclair/typebox';
import { PRODUCT_STATUSES, SALE_UNITS, TEMPERATURE_CLASSES, VAT_RATES_BP } from './product-enums.ts';
import { Ids, Int32, literals, Nullable, PageOf, Paging, Text } from '../shared/schemas.ts';

/** A GS1 key of a fixed length (GTIN-13, GLN). The check digit is verified by the rules, not the pattern. */
export const Gs1Code = (digits: number) =>
  Type.String({ pattern: `^\\d{${digits}}$`, description: `${digits} digits, valid GS1 check digit` });
/** Our codes travel in EDI messages and file names: letters, digits and a few separators only. */
export const CodeString = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$' });
export const NameString = Text(200, { minLength: 1 });
const PositiveInt = Int32({ minimum: 1 });

export const ProductInputSchema = Type.Object(
  {
    code: CodeString,
    gtin: Type.Optional(Nullable(Gs1Code(13))),
    caseGtin: Type.Optional(Nullable(Type.String({ pattern: '^\\d{13,14}$', description: 'GTIN-13 or GTIN-14 of the case' }))),
    name: NameString,
    family: Text(60, { minLength: 1 }),
    saleUnit: literals(SALE_UNITS),
    netWeightG: PositiveInt,
    grossWeightG: PositiveInt,
    unitsPerCarton: PositiveInt,
    cartonsPerLayer: Nullable(PositiveInt),
    layersPerPallet: Nullable(PositiveInt),
    vatRateBp: literals(VAT_RATES_BP),
    temperatureClass: literals(TEMPERATURE_CLASSES),
    shelfLifeDays: Type.Optional(Nullable(PositiveInt)),
    status: Type.Optional(literals(PRODUCT_STATUSES)),
    substituteIds: Type.Optional(Ids(20)),
  },
  { additionalProperties: false },
);
export type ProductInput = Static<typeof ProductInputSchema>;

export const ProductSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  gtin: Nullable(Type.String()),
  caseGtin: Nullable(Type.String()),
  name: Type.String(),
  family: Type.String(),
  saleUnit: literals(SALE_UNITS),
  netWeightG: Type.Integer(),
  grossWeightG: Type.Integer(),
  unitsPerCarton: Type.Integer(),
  cartonsPerLayer: Nullable(Type.Integer()),
  layersPerPallet: Nullable(Type.Integer()),
  vatRateBp: Type.Integer(),
  temperatureClass: literals(TEMPERATURE_CLASSES),
  shelfLifeDays: Nullable(Type.Integer()),
  status: literals(PRODUCT_STATUSES),
});

export const ProductDetailSchema = Type.Composite([
  ProductSchema,
  Type.Object({
    substitutes: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
    stock: Type.Array(
      Type.Object({
        warehouseId: Type.Integer(),
        warehouseName: Type.String(),
        onHand: Type.Integer(),
        reserved: Type.Integer(),
        available: Type.Integer(),
      }),
    ),
  }),
]);
export type ProductDetail = Static<typeof ProductDetailSchema>;

/** A price list as the catalogue lists it (the rules' own view with tiers is core/pricing's PriceList). */
export const PriceListSummarySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
});
export type PriceListSummary = Static<typeof PriceListSummarySchema>;

export const PriceListDetailSchema = Type.Composite([
  PriceListSummarySchema,
  Type.Object({
    items: Type.Array(
      Type.Object({
        productId: Type.Integer(),
        productCode: Type.String(),
        productName: Type.String(),
        minQuantity: Type.Integer(),
        unitPriceCents: Type.Integer(),
      }),
    ),
  }),
]);

/** GET /api/products: what the web's pickers and the catalogue page ask for. */
export const ProductListQuerySchema = Type.Object(
  {
    q: Type.Optional(Text(100)),
    status: Type.Optional(literals(PRODUCT_STATUSES)),
    customerId: Type.Optional(Int32({ minimum: 1, description: "only the products listed for this customer (a buyer's: always hers)" })),
    ...Paging,
  },
  { additionalProperties: false },
);
export const ProductListSchema = PageOf(ProductSchema);
export type ProductList = Static<typeof ProductListSchema>;
