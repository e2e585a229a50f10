import { Type, type Static } from '@sinclair/typebox';
import { Id, Int32, Text } from '../shared/schemas.ts';

/** POST /api/edi/partners. */
export const EdiPartnerInputSchema = Type.Object(
  {
    customerId: Id,
    gln: Type.Optional(Type.String({ pattern: '^\\d{13}$' })),
    name: Type.Optional(Text(120, { minLength: 1 })),
    autoConfirm: Type.Optional(Type.Boolean()),
    folder: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,40}$' })),
  },
  { additionalProperties: false },
);
export type EdiPartnerInput = Static<typeof EdiPartnerInputSchema>;

/** The one-click fixes of a waiting EDI message. */
export const MapProductFixSchema = Type.Object(
  { code: Text(60, { minLength: 1 }), productId: Id, unitFactor: Type.Optional(Int32({ minimum: 1, maximum: 100_000 })) },
  { additionalProperties: false },
);
export type MapProductFix = Static<typeof MapProductFixSchema>;
export const ChooseDeliveryPointFixSchema = Type.Object({ deliveryPointId: Id }, { additionalProperties: false });
export type ChooseDeliveryPointFix = Static<typeof ChooseDeliveryPointFixSchema>;
export const AcceptPriceFixSchema = Type.Object({ lineNo: Int32({ minimum: 1 }) }, { additionalProperties: false });
export type AcceptPriceFix = Static<typeof AcceptPriceFixSchema>;

/** POST /api/orders/{id}/accept-customer-price. */
export const AcceptCustomerPriceSchema = Type.Object({ lineId: Id }, { additionalProperties: false });
export type AcceptCustomerPrice = Static<typeof AcceptCustomerPriceSchema>;
