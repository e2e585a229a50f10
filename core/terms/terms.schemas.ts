import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { WEEKDAYS } from '../calendar/dates.ts';
import { TEMPERATURE_CLASSES } from '../catalog/product.ts';
import { TYPOLOGIES } from '../customers/customer.ts';
import { CodeString, NameString } from '../catalog/catalog.schemas.ts';
import { RulesCustomerPriceSchema } from '../pricing/pricing.schemas.ts';
import { Cents, Id, Ids, Int32, IsoDateString, literals, Nullable, Text } from '../shared/schemas.ts';

// The shapes of core/terms (Terms, TermsOverrides) and core/terms/agreement.types.ts, as the API carries them.

const Count = (maximum: number) => Int32({ minimum: 0, maximum });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Europe/Paris' });
const OptionalNullable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const ORDER_MULTIPLE_UNITS = ['unit', 'carton', 'layer', 'pallet'] as const;
export const ARTICLE_KEYS = ['minOrder', 'franco', 'orderMultiple', 'leadTime', 'truck', 'price', 'credit'] as const;
const MultipleUnit = literals(ORDER_MULTIPLE_UNITS);

export const ArticlesSchema = Type.Object(Object.fromEntries(ARTICLE_KEYS.map((k) => [k, Type.Optional(Text(60))])), {
  additionalProperties: false,
  description: 'where each rule is written in the terms, quoted in messages ("art. 4")',
});
export const FrancoSchema = Type.Object(
  {
    measure: literals(['value', 'pallets'] as const),
    threshold: Int32({ minimum: 0, maximum: 1_000_000_000, description: 'cents HT, or pallet-equivalents' }),
    feeBelowCents: Cents,
  },
  { additionalProperties: false },
);
export const OrderMultiplesSchema = Type.Object(
  {
    default: MultipleUnit,
    byFamily: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Z0-9_]{1,40}$' }), MultipleUnit)),
    byTemperature: Type.Optional(
      Type.Object(Object.fromEntries(TEMPERATURE_CLASSES.map((t) => [t, Type.Optional(MultipleUnit)])), { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export const TruckSchema = Type.Object(
  { maxPallets: Int32({ minimum: 1, maximum: 100 }), maxWeightG: Int32({ minimum: 1, maximum: 60_000_000 }) },
  { additionalProperties: false },
);
export const SurchargeSchema = Type.Object(
  {
    weekdays: Type.Optional(Type.Array(literals(WEEKDAYS), { uniqueItems: true, maxItems: 7 })),
    dates: Type.Optional(Type.Array(IsoDateString, { maxItems: 100 })),
    feeCents: Cents,
    label: Type.Object({ fr: Text(100, { minLength: 1 }), en: Text(100, { minLength: 1 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const Surcharges = Type.Array(SurchargeSchema, { maxItems: 20 });
const Positive = (maximum: number) => Int32({ minimum: 1, maximum });
/** core ClaimTerms: how late a complaint may come and how fast the desk answers and settles it (working time). */
export const ClaimTermsSchema = Type.Object(
  {
    visibleDamageDays: Positive(30),
    otherDefectDays: Positive(90),
    answerWithinHours: Positive(240),
    resolveWithinDays: Positive(90),
    article: Nullable(Text(60, { description: 'where the terms write it ("art. 9"), quoted on each complaint' })),
  },
  { additionalProperties: false },
);
const Severity = literals(['block', 'approval'] as const);

/** The parameters of one typology in one version of the CGV. */
export const TypologyTermsSchema = Type.Object(
  {
    typology: literals(TYPOLOGIES),
    minOrderValueCents: Nullable(Cents),
    minOrderPallets: Nullable(Count(33)),
    minOrderSeverity: Severity,
    franco: Nullable(FrancoSchema),
    orderMultiples: OrderMultiplesSchema,
    leadTimeDays: Count(60),
    cutoffTime: Time,
    truck: TruckSchema,
    priceMismatchToleranceCents: Count(100_000),
    priceConcessionApprovalCents: Cents,
    creditCheck: Type.Boolean(),
    surcharges: Surcharges,
    claims: Type.Optional(
      Type.Object(ClaimTermsSchema.properties, {
        additionalProperties: false,
        description: "the claim deadlines and service times; absent: the CGV's usual figures (always given back)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type TypologyTermsInput = Static<typeof TypologyTermsSchema>;

export const TermsOfSaleInputSchema = Type.Object(
  {
    code: CodeString,
    name: NameString,
    validFrom: IsoDateString,
    validTo: Nullable(IsoDateString),
    articles: ArticlesSchema,
    typologies: Type.Array(TypologyTermsSchema, { minItems: 1, maxItems: TYPOLOGIES.length }),
  },
  { additionalProperties: false },
);
export type TermsOfSaleInput = Static<typeof TermsOfSaleInputSchema>;
export const TermsOfSaleSchema = Type.Object({ id: Type.Integer(), ...TermsOfSaleInputSchema.properties, updatedAt: Type.String() });
export type TermsOfSale = Static<typeof TermsOfSaleSchema>;

/** core Terms: the CGV of a typology merged with a customer's agreement. */
export const TermsSchema = Type.Object({
  /** e.g. "CGV 2026" or "Accord annuel Cap Marché 2026": named in messages. */
  reference: Type.String(),
  articles: ArticlesSchema,
  /** Minimum goods value HT; null = none. */
  minOrderValueCents: Nullable(Type.Integer()),
  /** Minimum pallet-equivalents (retail central: 1 pallet); null = none. */
  minOrderPallets: Nullable(Type.Integer()),
  /** Below the minimum: a manager approves (usual) or the order cannot be confirmed. */
  minOrderSeverity: Severity,
  franco: Nullable(FrancoSchema),
  orderMultiples: OrderMultiplesSchema,
  truck: TruckSchema,
  /** A customer price (EDI) within this many cents per unit of ours is not a mismatch. */
  priceMismatchToleranceCents: Type.Integer(),
  /**
   * Accepting the customer's lower price costs (ours − his) × quantity on the line: above this many cents, a
   * manager's decision, not the assistant's.
   */
  priceConcessionApprovalCents: Type.Integer(),
  creditCheck: Type.Boolean(),
  surcharges: Surcharges,
});

/** A customer's overrides: every field null (or absent) = inherit its typology's terms. */
export const CustomerTermsInputSchema = Type.Object(
  {
    reference: OptionalNullable(Text(200, { minLength: 1 })),
    articles: OptionalNullable(ArticlesSchema),
    minOrderValueCents: OptionalNullable(Cents),
    minOrderPallets: OptionalNullable(Count(33)),
    minOrderSeverity: OptionalNullable(Severity),
    franco: OptionalNullable(FrancoSchema),
    orderMultiples: OptionalNullable(OrderMultiplesSchema),
    truckMaxPallets: OptionalNullable(Int32({ minimum: 1, maximum: 100 })),
    truckMaxWeightG: OptionalNullable(Int32({ minimum: 1, maximum: 60_000_000 })),
    priceMismatchToleranceCents: OptionalNullable(Count(100_000)),
    priceConcessionApprovalCents: OptionalNullable(Cents),
    creditCheck: OptionalNullable(Type.Boolean()),
    surcharges: OptionalNullable(Surcharges),
  },
  { additionalProperties: false },
);
export type CustomerTermsInput = Static<typeof CustomerTermsInputSchema>;

export const CreditSchema = Type.Object({
  limitCents: Nullable(Type.Integer()),
  unpaidBalanceCents: Type.Integer(),
  overdueCents: Type.Integer(),
  openOrdersCents: Type.Integer(),
  asOf: Nullable(Type.String()),
});

export const CustomerTermsSchema = Type.Object({
  customerId: Type.Integer(),
  typology: literals(TYPOLOGIES),
  /** The version of the CGV in force today; null when none is. */
  termsCode: Nullable(Type.String()),
  overrides: Type.Required(CustomerTermsInputSchema),
  base: TermsSchema,
  effective: TermsSchema,
  credit: CreditSchema,
  updatedAt: Nullable(Type.String()),
});
export type CustomerTerms = Static<typeof CustomerTermsSchema>;

export const AssortmentInputSchema = Type.Object(
  {
    restricted: Type.Boolean({ description: 'true: only the listed products may be ordered (rule not-listed)' }),
    productIds: Ids(5000),
  },
  { additionalProperties: false },
);
export type AssortmentInput = Static<typeof AssortmentInputSchema>;
/** PUT and DELETE /api/customers/:id/assortment/:productId: one product listed or taken out. */
export const AssortmentProductParams = Type.Object({ id: Id, productId: Id });

export const AssortmentSchema = Type.Object({
  customerId: Type.Integer(),
  restricted: Type.Boolean(),
  products: Type.Array(Type.Object({ productId: Type.Integer(), productCode: Type.String(), productName: Type.String() })),
});

/** core CustomerAgreement. */
export const AgreementSchema = Type.Object({
  /** Products agreed for this customer (référencement); null = the whole catalogue. */
  assortmentProductIds: Nullable(Type.Array(Type.Integer())),
  /** Null = no limit set (no credit check possible). */
  creditLimitCents: Nullable(Type.Integer()),
  /** Confirmed, not yet invoiced orders, excluding the one being checked (TTC, as credit insurers count). */
  openOrdersCents: Type.Integer(),
  /** Invoiced and not yet paid (TTC). */
  unpaidBalanceCents: Type.Integer(),
  /** The day the accounting's unpaid figure stands at (its last import); null or absent when none came. */
  unpaidAsOf: Type.Optional(Nullable(Type.String())),
  prices: Type.Array(RulesCustomerPriceSchema),
});
