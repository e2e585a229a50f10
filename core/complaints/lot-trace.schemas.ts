import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Text } from '../shared/schemas.ts';

/** A lot that left on a line the complaint names: what quality traces. */
export const ComplaintLotSchema = Type.Object({
  productId: Type.Integer(),
  productCode: Type.String(),
  lot: Type.String(),
  bestBefore: Nullable(Type.String()),
  quantity: Type.Integer(),
});

/** Every delivery a lot left on, to whom, how much and when; and what of it is still in stock: a recall's first answer. */
export const LotTraceSchema = Type.Object({
  lot: Type.String(),
  productId: Nullable(Type.Integer()),
  deliveries: Type.Array(
    Type.Object({
      deliveryId: Type.Integer(),
      deliveryNumber: Type.String(),
      orderId: Type.Integer(),
      orderNumber: Type.String(),
      customerId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      productId: Type.Integer(),
      productCode: Type.String(),
      productName: Type.String(),
      quantity: Type.Integer(),
      bestBefore: Nullable(Type.String()),
      shippedAt: Nullable(Type.String()),
      deliveredAt: Nullable(Type.String()),
    }),
  ),
  customerCount: Type.Integer(),
  shippedQuantity: Type.Integer(),
  stock: Type.Array(
    Type.Object({
      warehouseCode: Type.String(),
      warehouseName: Type.String(),
      productCode: Type.String(),
      quantity: Type.Integer(),
      bestBefore: Type.String(),
    }),
  ),
});
export type LotTrace = Static<typeof LotTraceSchema>;

export const LotParamsSchema = Type.Object({ lot: Text(40, { minLength: 1 }) });
export const LotQuerySchema = Type.Object({ productId: Type.Optional(Id) }, { additionalProperties: false });
