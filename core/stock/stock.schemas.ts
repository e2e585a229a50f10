import { Type, type Static } from '@sinclair/typebox';
import { Gs1Code, CodeString, NameString } from '../catalog/catalog.schemas.ts';
import { Nullable, Text } from '../shared/schemas.ts';

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
