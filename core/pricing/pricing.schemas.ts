import { Type, type Static } from '@sinclair/typebox';
import { TYPOLOGIES } from '../customers/customer.ts';
import { CodeString, NameString } from '../catalog/catalog.schemas.ts';
import { TIER_MEASURES } from './tier-measures.ts';
import { BIG_CENTS_MAX, Bp, Cents, Id, Ids, Int32, IsoDateString, literals, Nullable, Text } from '../shared/schemas.ts';

// core/pricing's rule types (Promotion, PriceList, OrderTierDiscount) are the Static<> of these schemas: one shape, the API's.

const Qty = Int32({ minimum: 1, maximum: 1_000_000 });

export const PROMOTION_KINDS = ['percent', 'free-goods', 'tier'] as const;

/**
 * Flat, so that each missing parameter is named by its own path: percent needs discountBp (and a minimum per
 * line, 1 by default), free-goods needs buy and free, tier needs forcedMinQuantity.
 */
export const MechanismInputSchema = Type.Object(
  {
    kind: literals(PROMOTION_KINDS),
    discountBp: Type.Optional(Bp),
    minQuantityPerLine: Type.Optional(Int32({ minimum: 0, maximum: 1_000_000 })),
    minPalletsPerLine: Type.Optional(Int32({ minimum: 1, maximum: 100 })),
    buy: Type.Optional(Qty),
    free: Type.Optional(Qty),
    forcedMinQuantity: Type.Optional(Qty),
  },
  { additionalProperties: false },
);
export type MechanismInput = Static<typeof MechanismInputSchema>;

export const MechanismSchema = Type.Union([
  /** Invoice discount on the line from a quantity per line (sale units, or pallets for retail promotions). */
  Type.Object({
    kind: Type.Literal('percent'),
    discountBp: Type.Integer(),
    minQuantityPerLine: Type.Integer(),
    minPalletsPerLine: Type.Optional(Type.Integer()),
  }),
  /** For every `buy` sale units bought, `free` more delivered free (10 + 1 colis). */
  Type.Object({ kind: Type.Literal('free-goods'), buy: Type.Integer(), free: Type.Integer() }),
  /** The list's tier for `forcedMinQuantity` is granted whatever the quantity ordered. */
  Type.Object({ kind: Type.Literal('tier'), forcedMinQuantity: Type.Integer() }),
]);

export const PromotionInputSchema = Type.Object(
  {
    code: CodeString,
    name: NameString,
    pitchFr: Text(1000, { minLength: 1, description: 'what the assistant reads to an eligible customer' }),
    pitchEn: Type.Optional(Nullable(Text(1000))),
    from: IsoDateString,
    to: IsoDateString,
    customerIds: Nullable(Ids(1000)),
    typologies: Nullable(Type.Array(literals(TYPOLOGIES), { uniqueItems: true })),
    productIds: Ids(1000, { minItems: 1 }),
    mechanism: MechanismInputSchema,
  },
  { additionalProperties: false },
);
export type PromotionInput = Static<typeof PromotionInputSchema>;

export const PromotionSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  /** The sales pitch the assistant reads to an eligible customer. */
  pitchFr: Type.String(),
  pitchEn: Type.Optional(Type.String()),
  /** Order dates, inclusive. */
  from: Type.String(),
  to: Type.String(),
  customerIds: Nullable(Type.Array(Type.Integer())),
  typologies: Nullable(Type.Array(literals(TYPOLOGIES))),
  productIds: Type.Array(Type.Integer()),
  mechanism: MechanismSchema,
  updatedAt: Type.String(),
});
/** What GET /api/promotions answers; the pricing rules take core's Promotion (pricing.types.ts). */
export type PromotionAnswer = Static<typeof PromotionSchema>;

export const PromotionQuerySchema = Type.Object(
  {
    on: Type.Optional(IsoDateString),
    customerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const CustomerPriceInputSchema = Type.Object(
  {
    productId: Id,
    unitPriceCents: Cents,
    validFrom: IsoDateString,
    validTo: Nullable(IsoDateString),
    note: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type CustomerPriceInput = Static<typeof CustomerPriceInputSchema>;

export const CustomerPriceSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  unitPriceCents: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const CustomerPriceParams = Type.Object({ id: Id, priceId: Id });

export const OrderTierDiscountSchema = Type.Object(
  {
    measure: literals(TIER_MEASURES),
    steps: Type.Array(
      Type.Object({ min: Type.Integer({ minimum: 0, maximum: BIG_CENTS_MAX }), discountBp: Bp }, { additionalProperties: false }),
      { maxItems: 20 },
    ),
    /** Families it applies to and that count towards it; null = all. */
    families: Nullable(Type.Array(Type.String({ pattern: '^[A-Z0-9_]{1,40}$' }), { uniqueItems: true, maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type OrderTierDiscountInput = Static<typeof OrderTierDiscountSchema>;

export const OrderTiersSchema = Type.Object({
  priceListId: Type.Integer(),
  /** Null: no discount on the order as a whole. */
  orderDiscount: Nullable(OrderTierDiscountSchema),
});
export const OrderTiersInputSchema = Type.Object({ orderDiscount: Nullable(OrderTierDiscountSchema) }, { additionalProperties: false });

/** PUT /api/price-lists/:id/items/:productId: a product's line on a list, its unit price and its quantity tiers. */
export const PriceListLineParams = Type.Object({ id: Id, productId: Id });

export const PriceListLineInputSchema = Type.Object(
  {
    /** The price from the first unit. */
    unitPriceCents: Cents,
    /** Lower prices from a quantity on (sale units, 2 or more); absent or empty: none. */
    tiers: Type.Optional(
      Type.Array(
        Type.Object({ minQuantity: Int32({ minimum: 2, maximum: 1_000_000 }), unitPriceCents: Cents }, { additionalProperties: false }),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PriceListLineInput = Static<typeof PriceListLineInputSchema>;

/** A product's line on a list as the screen shows it and the audit keeps it. */
export const PriceListLineSchema = Type.Object({
  priceListId: Type.Integer(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  unitPriceCents: Type.Integer(),
  tiers: Type.Array(Type.Object({ minQuantity: Type.Integer(), unitPriceCents: Type.Integer() })),
});
export type PriceListLine = Static<typeof PriceListLineSchema>;

/** core Promotion (the rules' shape, without the record's bookkeeping). */
export const RulesPromotionSchema = Type.Omit(PromotionSchema, ['updatedAt']);

/** core PriceList: tiers per product and the order-level discount. */
/** A customer's own price as the rules read it (in the customer's agreement). */
export const RulesCustomerPriceSchema = Type.Object({
  productId: Type.Integer(),
  unitPriceCents: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});

export const RulesPriceListSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  /** Per-product unit prices by quantity (sale units). */
  tiers: Type.Array(Type.Object({ productId: Type.Integer(), minQuantity: Type.Integer(), unitPriceCents: Type.Integer() })),
  orderDiscount: Nullable(OrderTierDiscountSchema),
});
