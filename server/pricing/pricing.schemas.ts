import { Type, type Static } from '@sinclair/typebox';
import { TYPOLOGIES } from '../../core/customers/customer.ts';
import { CodeString, NameString } from '../catalog/catalog.schemas.ts';
import { IsoDateString, literals, Nullable } from '../http/schemas.ts';

// core/pricing's Promotion, CustomerPrice and OrderTierDiscount as the API carries them.

const Cents = Type.Integer({ minimum: 0, maximum: 2_000_000_000, description: 'integer cents HT' });
const Bp = Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points: 100 = 1 %' });
const Qty = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const Ids = (maxItems: number) => Type.Array(Type.Integer({ minimum: 1 }), { maxItems, uniqueItems: true });

export const PROMOTION_KINDS = ['percent', 'free-goods', 'tier'] as const;
export const TIER_MEASURES = ['units', 'cartons', 'pallets', 'weight', 'value'] as const;

/**
 * Flat, so that each missing parameter is named by its own path: percent needs discountBp (and a minimum per
 * line, 1 by default), free-goods needs buy and free, tier needs forcedMinQuantity.
 */
export const MechanismInputSchema = Type.Object(
  {
    kind: literals(PROMOTION_KINDS),
    discountBp: Type.Optional(Bp),
    minQuantityPerLine: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    minPalletsPerLine: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    buy: Type.Optional(Qty),
    free: Type.Optional(Qty),
    forcedMinQuantity: Type.Optional(Qty),
  },
  { additionalProperties: false },
);
export type MechanismInput = Static<typeof MechanismInputSchema>;

export const MechanismSchema = Type.Union([
  Type.Object({ kind: Type.Literal('percent'), discountBp: Type.Integer(), minQuantityPerLine: Type.Integer(), minPalletsPerLine: Type.Optional(Type.Integer()) }),
  Type.Object({ kind: Type.Literal('free-goods'), buy: Type.Integer(), free: Type.Integer() }),
  Type.Object({ kind: Type.Literal('tier'), forcedMinQuantity: Type.Integer() }),
]);

export const PromotionInputSchema = Type.Object(
  {
    code: CodeString,
    name: NameString,
    pitchFr: Type.String({ minLength: 1, maxLength: 1000, description: 'what the assistant reads to an eligible customer' }),
    pitchEn: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    from: IsoDateString,
    to: IsoDateString,
    customerIds: Nullable(Ids(1000)),
    typologies: Nullable(Type.Array(literals(TYPOLOGIES), { uniqueItems: true })),
    productIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 1000, uniqueItems: true }),
    mechanism: MechanismInputSchema,
  },
  { additionalProperties: false },
);
export type PromotionInput = Static<typeof PromotionInputSchema>;

export const PromotionSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  pitchFr: Type.String(),
  pitchEn: Type.Optional(Type.String()),
  from: Type.String(),
  to: Type.String(),
  customerIds: Nullable(Type.Array(Type.Integer())),
  typologies: Nullable(Type.Array(literals(TYPOLOGIES))),
  productIds: Type.Array(Type.Integer()),
  mechanism: MechanismSchema,
  updatedAt: Type.String(),
});

export const PromotionQuerySchema = Type.Object(
  {
    on: Type.Optional(IsoDateString),
    customerId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const CustomerPriceInputSchema = Type.Object(
  {
    productId: Type.Integer({ minimum: 1 }),
    unitPriceCents: Cents,
    validFrom: IsoDateString,
    validTo: Nullable(IsoDateString),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
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

export const CustomerPriceParams = Type.Object({ id: Type.Integer({ minimum: 1 }), priceId: Type.Integer({ minimum: 1 }) });

export const OrderTierDiscountSchema = Type.Object(
  {
    measure: literals(TIER_MEASURES),
    steps: Type.Array(Type.Object({ min: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }), discountBp: Bp }, { additionalProperties: false }), { maxItems: 20 }),
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

/** core Promotion (the rules' shape, without the record's bookkeeping). */
export const RulesPromotionSchema = Type.Omit(PromotionSchema, ['updatedAt']);

/** core PriceList: tiers per product and the order-level discount. */
export const RulesPriceListSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  tiers: Type.Array(Type.Object({ productId: Type.Integer(), minQuantity: Type.Integer(), unitPriceCents: Type.Integer() })),
  orderDiscount: Nullable(OrderTierDiscountSchema),
});
