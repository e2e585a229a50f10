import { Type, type Static } from '@sinclair/typebox';
import type { ErrorParams, TimelineCode } from '../shared/error-codes.ts';
import { CHANNELS } from '../customers/customer.ts';
import { ORDER_ACTIONS, ORDER_STATUSES } from './lifecycle.ts';
import { LINE_STATUSES, SHORTFALL_CHOICES } from './line-enums.ts';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './order-limits.ts';
import { CustomerDetailSchema } from '../customers/customers.schemas.ts';
import { DELIVERY_STATUSES } from './delivery-statuses.ts';
import { DocumentIdSchema, Id, Int32, IsoDateString, literals, Nullable, PageOf, Paging, Text } from '../shared/schemas.ts';
import { RulesPriceListSchema, RulesPromotionSchema } from '../pricing/pricing.schemas.ts';
import { AgreementSchema, TermsSchema } from '../terms/terms.schemas.ts';
import { ChargeSchema, FindingSchema, PendingGestureSchema, SuggestionSchema, TotalsFields } from './findings.schemas.ts';

const Closed = { additionalProperties: false } as const;

export const OrderLineInputSchema = Type.Object(
  {
    productId: Type.Optional(Id),
    gtin: Type.Optional(Type.String({ pattern: '^\\d{13,14}$', description: 'GTIN-13 of the sale unit or GTIN-14 of its case' })),
    customerCode: Type.Optional(Text(64, { minLength: 1, description: "the customer's own code; its unit factor applies" })),
    quantity: Int32({ minimum: 1, maximum: MAX_LINE_QUANTITY }),
  },
  { ...Closed, description: 'Exactly one of productId, gtin, customerCode' },
);

export const OrderInputSchema = Type.Object(
  {
    customerId: Id,
    deliveryPointId: Type.Optional(Id),
    requestedDate: Type.Optional(IsoDateString),
    customerRef: Type.Optional(Text(80)),
    channel: literals(CHANNELS),
    note: Type.Optional(Text(2000)),
    lines: Type.Array(OrderLineInputSchema, { minItems: 1, maxItems: MAX_ORDER_LINES }),
  },
  Closed,
);
/** The POST /api/orders and PUT /api/orders/{id} body (the server widens it to the EDI's fields in resolve-draft.ts). */
export type OrderInput = Static<typeof OrderInputSchema>;

/** `PATCH /api/orders/{id}`: what changes on a draft, confirmed or released order; what it does not name stays. */
export const OrderChangeSchema = Type.Object(
  {
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.Optional(Id),
            productId: Type.Optional(Id),
            quantity: Int32({ minimum: 1, maximum: MAX_LINE_QUANTITY }),
          },
          { ...Closed, description: 'with id: that line’s new quantity; without: a new line of productId' },
        ),
        { maxItems: MAX_ORDER_LINES },
      ),
    ),
    removeLineIds: Type.Optional(Type.Array(Id, { maxItems: MAX_ORDER_LINES, uniqueItems: true })),
    requestedDate: Type.Optional(IsoDateString),
    deliveryPointId: Type.Optional(Id),
    note: Type.Optional(Nullable(Text(2000))),
  },
  Closed,
);
export type OrderChangeInput = Static<typeof OrderChangeSchema>;

export const ShipInputSchema = Type.Object(
  {
    deliveryNoteNumber: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        pattern: '^[^\\s\\u0000]([^\\u0000\\n\\r]*[^\\s\\u0000])?$',
        description: 'only for an order leaving from one warehouse (422 otherwise)',
      }),
    ),
  },
  Closed,
);
export const CancelInputSchema = Type.Object({ reason: Type.Optional(Text(500)) }, Closed);
export const DeliverInputSchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          lineId: Id,
          deliveredQuantity: Int32({ minimum: 0 }),
          shortfall: Type.Optional(literals(SHORTFALL_CHOICES)),
        },
        Closed,
      ),
      { minItems: 1, maxItems: MAX_ORDER_LINES },
    ),
  },
  Closed,
);

export type DeliverInput = Static<typeof DeliverInputSchema>;
export const OrderListQuerySchema = Type.Object(
  {
    status: Type.Optional(literals(ORDER_STATUSES)),
    customerId: Type.Optional(Id),
    channel: Type.Optional(literals(CHANNELS)),
    from: Type.Optional(IsoDateString),
    to: Type.Optional(IsoDateString),
    q: Type.Optional(Text(80)),
    ...Paging,
  },
  Closed,
);

const TotalsSchema = Type.Object(TotalsFields);

/** What a line's price took off (core/orders/line-discount.ts): gross − amount = the line's net. */
export const LineDiscountSchema = Type.Object({
  grossCents: Type.Integer({ description: 'quantity × gross unit price' }),
  amountCents: Type.Integer({ description: 'gross − net: every discount the net deducts' }),
  rateBp: Type.Integer({ description: 'the amount as a share of the gross, in basis points' }),
  promotionName: Nullable(Type.String({ description: 'the promotion that priced the line, by name' })),
  parts: Type.Array(
    Type.Object({ kind: literals(['order-tier', 'promotion'] as const), amountCents: Type.Integer(), rateBp: Type.Integer() }),
    { description: "by cause, in pricing's order: the order's volume tier, then the promotion" },
  ),
});
export type LineDiscount = Static<typeof LineDiscountSchema>;

export const OrderLineSchema = Type.Object({
  id: Type.Integer(),
  lineNo: Type.Integer(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  customerCode: Nullable(Type.String()),
  quantity: Type.Integer(),
  saleUnit: Type.String(),
  unitPriceCents: Type.Integer(),
  netCents: Type.Integer(),
  vatRateBp: Type.Integer(),
  deliveredQuantity: Nullable(Type.Integer()),
  status: literals(LINE_STATUSES),
  backorderOfLineId: Nullable(Type.Integer()),
  promotionId: Nullable(Type.Integer({ description: 'the promotion that priced the line' })),
  discount: Nullable(LineDiscountSchema),
  freeQuantity: Type.Integer({ description: 'free goods earned (free-goods promotion), delivered on top, invoiced at zero' }),
  warehouseId: Nullable(
    Type.Integer({ description: 'the warehouse release must use (a risk decision moved the line there); null: release chooses' }),
  ),
  plannedDate: Nullable(
    Type.String({ description: 'the date this line leaves on, in its own delivery (split); null: the order’s promised date' }),
  ),
  expectedUnitPriceCents: Nullable(
    Type.Integer({ description: 'EDI: the net unit price the customer expects (PRI), checked by price-mismatch' }),
  ),
  agreedUnitPriceCents: Nullable(
    Type.Integer({ description: "the customer's price the desk accepted: the line is priced and invoiced at it" }),
  ),
  customerLineNo: Nullable(Type.Integer({ description: "EDI: the buyer's line number (LIN)" })),
});

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  orderId: Type.Integer(),
  warehouseId: Type.Integer(),
  warehouseCode: Type.String(),
  warehouseName: Type.String(),
  plannedDate: Nullable(Type.String()),
  status: literals(DELIVERY_STATUSES),
  deliveryNoteNumber: Nullable(Type.String()),
  pallets: Type.Number(),
  weightG: Type.Integer(),
  shippedAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  documentId: Nullable(DocumentIdSchema),
  createdAt: Type.String(),
  lines: Type.Array(
    Type.Object({
      id: Type.Integer(),
      orderLineId: Type.Integer(),
      productId: Type.Integer(),
      productCode: Type.String(),
      productName: Type.String(),
      saleUnit: Type.String(),
      quantity: Type.Integer(),
      deliveredQuantity: Nullable(Type.Integer()),
      lots: Type.Array(
        Type.Object({
          lot: Nullable(Type.String({ description: 'null: goods no lot on file accounts for' })),
          productionDate: Nullable(Type.String()),
          bestBefore: Nullable(Type.String({ description: 'the DDM printed on the packs' })),
          quantity: Type.Integer(),
          belowMinShelfLife: Type.Boolean({ description: "shipped with less life left than the customer's minimum" }),
        }),
        { description: 'the lots that left on this line (FEFO at shipping); empty until shipped' },
      ),
    }),
  ),
});

/** What an order's summary and its detail share. */
const orderHeader = {
  id: Type.Integer(),
  number: Type.String(),
  status: literals(ORDER_STATUSES),
  customerId: Type.Integer(),
  customerName: Type.String(),
  deliveryPointId: Type.Integer(),
  channel: literals(CHANNELS),
  customerRef: Nullable(Type.String()),
  requestedDate: Nullable(Type.String()),
  promisedDate: Nullable(Type.String()),
  backorderOfOrderId: Nullable(Type.Integer()),
  createdAt: Type.String(),
};

/** An order as the rules and the documents read it: header, lines, charges and totals. */
export const OrderSchema = Type.Object({
  ...orderHeader,
  deliveryRequirement: Nullable(
    Type.String({
      description: 'what the customer’s EDI order states for a shortage (EDIFACT 4493: SC, BK, SP, IS, CD); beats his settings',
    }),
  ),
  deliveryPointName: Type.String(),
  note: Nullable(Type.String()),
  updatedAt: Type.String(),
  lines: Type.Array(OrderLineSchema),
  charges: Type.Array(ChargeSchema, { description: 'shipping below franco, date surcharges: counted in the totals' }),
  totals: TotalsSchema,
});

export const OrderDetailSchema = Type.Object({
  ...OrderSchema.properties,
  deliveries: Type.Array(DeliverySchema),
  backorders: Type.Array(Type.Object({ id: Type.Integer(), number: Type.String() })),
  availableActions: Type.Array(literals(ORDER_ACTIONS)),
  findings: Type.Array(FindingSchema, {
    description: 'stored with the order: most severe first, with the managers’ approvals and overrides',
  }),
  suggestions: Type.Array(SuggestionSchema, { description: 'a draft’s, computed on read, best saving first; empty once confirmed' }),
  acknowledgementVersion: Nullable(
    Type.Integer({ description: 'the version of the latest acknowledgement (ARC) sent to the customer; null: none yet' }),
  ),
});
export type OrderDetail = Static<typeof OrderDetailSchema>;

export const OrderSummarySchema = Type.Object({
  ...orderHeader,
  totals: Type.Object({ netCents: Type.Integer(), vatCents: Type.Integer(), grossCents: Type.Integer() }),
  lineCount: Type.Integer(),
});
export type OrderSummary = Static<typeof OrderSummarySchema>;

export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  userId: Nullable(Type.Integer()),
  userName: Nullable(Type.String()),
  entityType: Type.String(),
  entityId: Type.Integer(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  note: Nullable(Type.String({ description: "a person's words (a reason), or a note written before codes existed" })),
  notes: Type.Array(
    Type.Object({
      code: Type.Unsafe<TimelineCode>(Type.String({ description: 'TIMELINE_CODES in core/shared/error-codes.ts' })),
      params: Type.Unsafe<ErrorParams>(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
});
export type AuditEvent = Static<typeof AuditEventSchema>;

// The customer part is the customers slice's own schema: one definition of what a CustomerDetail looks like.
export const OrderContextSchema = Type.Object({
  customer: CustomerDetailSchema,
  productCodes: Type.Array(Type.Object({ code: Type.String(), productId: Type.Integer(), unitFactor: Type.Integer() })),
  prices: Type.Array(Type.Object({ productId: Type.Integer(), minQuantity: Type.Integer(), unitPriceCents: Type.Integer() })),
  earliestDates: Type.Record(Type.String(), Nullable(Type.String()), {
    description: 'by delivery point id: the earliest delivery date of an order taken now',
  }),
  today: Type.String(),
  now: Type.Object({ date: Type.String(), time: Type.String() }),
  terms: TermsSchema,
  termsCode: Nullable(Type.String()),
  agreement: AgreementSchema,
  priceList: Nullable(RulesPriceListSchema),
  promotions: Type.Array(RulesPromotionSchema),
  usualProductIds: Type.Array(Type.Integer()),
  gestures: Type.Array(PendingGestureSchema),
});
export type OrderContext = Static<typeof OrderContextSchema>;

/** The order being changed, if any: its own amount leaves the open orders, the gestures it took stay with it. */
export const OrderContextQuerySchema = Type.Object({ orderId: Type.Optional(Id) }, Closed);

/** What order entry reads to run the availability rule as she types (core/stock/availability-context.ts). */
export const OrderAvailabilityQuerySchema = Type.Object(
  {
    productIds: Type.String({ pattern: '^[1-9]\\d{0,8}(,[1-9]\\d{0,8}){0,199}$', description: 'comma-separated product ids, 200 at most' }),
    orderId: Type.Optional(Id),
  },
  Closed,
);
const Int = Type.Integer();
export const OrderAvailabilitySchema = Type.Object({
  minRemainingShelfLifePct: Nullable(Type.Integer({ description: "the customer's minimum remaining shelf life at delivery, in %" })),
  products: Type.Array(
    Type.Object({
      productId: Int,
      shelfLifeDays: Nullable(Int),
      substituteIds: Type.Array(Int),
      stockByWarehouse: Type.Array(Type.Object({ warehouseId: Int, onHand: Int, reserved: Int })),
      lots: Type.Array(
        Type.Object({
          warehouseId: Int,
          lot: Type.String(),
          productionDate: Nullable(Type.String()),
          bestBefore: Type.String(),
          quantity: Int,
        }),
      ),
      receipts: Type.Array(
        Type.Object({ warehouseId: Int, date: Type.String(), quantity: Int, ref: Type.Optional(Nullable(Type.String())) }),
      ),
      reservations: Type.Array(
        Type.Object({
          warehouseId: Type.Optional(Nullable(Int)),
          date: Type.String(),
          quantity: Int,
          ref: Type.Optional(Type.Union([Type.String(), Int])),
        }),
        { description: "other confirmed orders' open lines, summed per warehouse and date, by date" },
      ),
    }),
  ),
});
export type OrderAvailability = Static<typeof OrderAvailabilitySchema>;

export const OrderListSchema = PageOf(OrderSummarySchema);
export type OrderList = Static<typeof OrderListSchema>;
