import { Type, type Static } from '@sinclair/typebox';
import { Gs1Code, CodeString, NameString } from '../catalog/catalog.schemas.ts';
import { Id, Int32, ListOf, Nullable, Text } from '../shared/schemas.ts';

const OptionalText = (maxLength: number) => Type.Optional(Nullable(Text(maxLength)));

export const WarehouseInputSchema = Type.Object(
  {
    code: CodeString,
    name: NameString,
    street: OptionalText(200),
    postcode: OptionalText(10),
    city: OptionalText(100),
    gln: Type.Optional(Nullable(Gs1Code(13))),
  },
  { additionalProperties: false },
);
export type WarehouseInput = Static<typeof WarehouseInputSchema>;

export const WarehouseSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  street: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  gln: Nullable(Type.String()),
});
export type Warehouse = Static<typeof WarehouseSchema>;

export const StockLevelSchema = Type.Object({
  warehouseId: Type.Integer(),
  warehouseCode: Type.String(),
  warehouseName: Type.String(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  saleUnit: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  available: Type.Integer({ description: 'onHand − reserved; may be negative when more is reserved than is on the shelf' }),
});
export type StockLevel = Static<typeof StockLevelSchema>;

/** GET /api/stock. */
export const StockLevelQuerySchema = Type.Object(
  {
    warehouseId: Type.Optional(Id),
    productId: Type.Optional(Id),
    q: Type.Optional(Text(100, { description: 'product code or words of its name' })),
  },
  { additionalProperties: false },
);
export const StockLevelListSchema = ListOf(StockLevelSchema);
export type StockLevelList = Static<typeof StockLevelListSchema>;
/** PUT /api/stock/{warehouseId}/{productId}: an inventory count. */
export const OnHandInputSchema = Type.Object({ onHand: Int32({ minimum: 0 }) }, { additionalProperties: false });
export type OnHandInput = Static<typeof OnHandInputSchema>;
