import { Type, type Static } from '@sinclair/typebox';
import { Id, Int32, IsoDateString, ListOf, literals, Nullable, Text } from '../shared/schemas.ts';

export const RECEIPT_KINDS = ['PRODUCTION', 'ACHAT', 'TRANSFERT'] as const;
export const RECEIPT_STATUSES = ['planned', 'cancelled'] as const;
const IsoDate = Type.String({ format: 'date' });

export const ReceiptSchema = Type.Object({
  id: Type.Integer(),
  warehouseId: Type.Integer(),
  warehouseCode: Type.String(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  saleUnit: Type.String(),
  date: Type.String(),
  originalDate: Type.String({ description: 'the date first planned: a receipt later than that has slipped' }),
  quantity: Type.Integer(),
  kind: Type.String(),
  ref: Nullable(Type.String()),
  status: Type.String(),
  note: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type Receipt = Static<typeof ReceiptSchema>;

export const ReceiptInputSchema = Type.Object(
  {
    warehouseId: Id,
    productId: Id,
    date: IsoDate,
    quantity: Int32({ minimum: 1, maximum: 10_000_000 }),
    kind: Type.Union(RECEIPT_KINDS.map((k) => Type.Literal(k))),
    ref: Type.Optional(Nullable(Text(60, { minLength: 1 }))),
    status: Type.Optional(Type.Union(RECEIPT_STATUSES.map((k) => Type.Literal(k)))),
    note: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type ReceiptInput = Static<typeof ReceiptInputSchema>;

export const LotSchema = Type.Object({
  id: Type.Integer(),
  warehouseId: Type.Integer(),
  warehouseCode: Type.String(),
  productId: Type.Integer(),
  productCode: Type.String(),
  lot: Type.String(),
  productionDate: Nullable(Type.String()),
  bestBefore: Type.String(),
  quantity: Type.Integer(),
});

/** GET /api/stock-lots, its history and its Excel: one product's lots, one warehouse's, or all. */
export const LotQuerySchema = Type.Object(
  { productId: Type.Optional(Id), warehouseId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type LotQuery = Static<typeof LotQuerySchema>;

/** GET /api/stock-lots. */
export const LotListSchema = ListOf(LotSchema);

/** PUT /api/stock-lots/:id: a lot corrected after a count or a misread label (the lot number and place stay). */
export const LotCorrectionSchema = Type.Object(
  {
    quantity: Int32({ minimum: 0, maximum: 100_000_000 }),
    bestBefore: IsoDateString,
    productionDate: Type.Optional(Nullable(IsoDateString)),
  },
  { additionalProperties: false },
);

export const AvailabilitySchema = Type.Object({
  productId: Type.Integer(),
  date: Type.String(),
  customerId: Nullable(Type.Integer()),
  minRemainingShelfLifePct: Nullable(Type.Integer()),
  promisable: Type.Integer({ description: 'what can be promised on the date to this customer' }),
  quantity: Nullable(Type.Integer()),
  earliestCompleteDate: Nullable(
    Type.String({ description: 'first date the quantity asked (else what is promisable + 1) is complete; null if no receipt gets there' }),
  ),
  byWarehouse: Type.Array(
    Type.Object({
      warehouseId: Type.Integer(),
      onHand: Type.Integer(),
      reserved: Type.Integer(),
      tooOld: Type.Integer({ description: 'on hand in lots this customer refuses on the date' }),
      receipts: Type.Integer(),
      reservations: Type.Integer(),
      promisable: Type.Integer(),
    }),
  ),
});
export type AvailabilityAnswer = Static<typeof AvailabilitySchema>;

/** The EDIFACT 4493 flags of a customer, and the shelf life he wants left at delivery. */
const supplyFields = {
  minRemainingShelfLifePct: Nullable(
    Int32({ minimum: 0, maximum: 100, description: '% of the lot’s total life still left at delivery; null: no minimum' }),
  ),
  shipComplete: Type.Boolean({ description: 'SC: ship complete only' }),
  acceptsBackorders: Type.Boolean({ description: 'BK: partial delivery, the rest as a backorder' }),
  acceptsPartial: Type.Boolean({ description: 'SP: partial delivery, the rest cancelled' }),
  acceptsSubstitutes: Type.Boolean({ description: 'IS: substitutes allowed' }),
  cancelIfLateDays: Nullable(
    Int32({
      minimum: 0,
      maximum: 90,
      description: 'CD: cancel if not delivered within this many days of the promised date; null: no limit',
    }),
  ),
};
export const SupplySettingsSchema = Type.Object({ customerId: Type.Integer(), ...supplyFields, updatedAt: Nullable(Type.String()) });
export type SupplySettings = Static<typeof SupplySettingsSchema>;
export const SupplySettingsPatchSchema = Type.Partial(Type.Object(supplyFields), { additionalProperties: false, minProperties: 1 });
export type SupplySettingsPatch = Static<typeof SupplySettingsPatchSchema>;

/** GET /api/availability. */
export const AvailabilityQuerySchema = Type.Object(
  { productId: Id, date: IsoDate, customerId: Type.Optional(Id), quantity: Type.Optional(Int32({ minimum: 1 })) },
  { additionalProperties: false },
);
/** GET /api/planned-receipts. */
export const ReceiptListQuerySchema = Type.Object(
  {
    productId: Type.Optional(Id),
    warehouseId: Type.Optional(Id),
    status: Type.Optional(literals(RECEIPT_STATUSES)),
    from: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export const ReceiptListSchema = ListOf(ReceiptSchema);
export type ReceiptList = Static<typeof ReceiptListSchema>;
