import { Type, type Static } from '@sinclair/typebox';
import { NOTICE_CHECKS, NOTICE_KINDS, NOTICE_STATUSES } from './notice.ts';
import { PENALTY_CATEGORIES } from './penalty.ts';
import {
  BIG_CENTS_MAX,
  BigCents,
  Bp,
  Cents,
  DocumentIdSchema,
  Id,
  Int32,
  IsoDateString,
  ListOf,
  literals,
  Nullable,
  Text,
} from '../shared/schemas.ts';

// A clause's fees sit in integer columns, a notice's amounts in bigint ones.
const OptionalCents = Type.Optional(Nullable(Cents));
const FreeText = Type.Optional(Nullable(Text(2000)));
export const CategorySchema = literals(PENALTY_CATEGORIES);

export const FrameSchema = Type.Object({ capBp: Type.Integer(), maxAgeDays: Type.Integer(), contestPeriodDays: Type.Integer() });

const clauseFields = {
  contractRef: Nullable(Text(200)),
  latePerDayCents: Nullable(Cents),
  lateFlatCents: Nullable(Cents),
  missingValueBp: Nullable(Bp),
  incidentFlatCents: Nullable(Cents),
  serviceRateTargetBp: Nullable(Bp),
  serviceRateToleranceBp: Bp,
  contestPeriodDays: Nullable(Int32({ minimum: 1, maximum: 365 })),
  backordersAccepted: Type.Boolean(),
  l441Applicable: Type.Boolean({ description: 'under C. com. L441-17 (a distributor); ignored for a wholesaler, who never is' }),
};

export const ClauseInputSchema = Type.Object(
  {
    ...clauseFields,
    contractRef: Type.Optional(clauseFields.contractRef),
    latePerDayCents: OptionalCents,
    lateFlatCents: OptionalCents,
    missingValueBp: Type.Optional(Nullable(Bp)),
    incidentFlatCents: OptionalCents,
    serviceRateTargetBp: Type.Optional(Nullable(Bp)),
    serviceRateToleranceBp: Type.Optional(Bp),
    contestPeriodDays: Type.Optional(clauseFields.contestPeriodDays),
    note: FreeText,
  },
  { additionalProperties: false },
);

export const CustomerClauseSchema = Type.Object({
  customerId: Type.Integer(),
  typology: Type.String(),
  l441Applicable: Type.Boolean(),
  frame: FrameSchema,
  clause: Nullable(Type.Object({ ...clauseFields, note: Nullable(Type.String()), updatedAt: Type.String() })),
});

const BasisSchema = Type.Object({
  kind: Type.String(),
  category: Nullable(Type.String()),
  amountCents: Type.Integer(),
  fr: Type.String(),
  en: Type.String(),
});
export const EstimateSchema = Type.Object({
  contractCents: Type.Integer(),
  claimableCents: Type.Integer(),
  legalCapCents: Nullable(Type.Integer()),
  atRiskCents: Type.Integer(),
  l441Applicable: Type.Boolean(),
  daysLate: Type.Integer(),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      orderedValueCents: Type.Integer(),
      capCents: Type.Integer(),
      contractCents: Type.Integer(),
      claimableCents: Type.Integer(),
    }),
  ),
  basis: Type.Array(BasisSchema),
});

export const DeliveryPenaltySchema = Type.Intersect([
  EstimateSchema,
  Type.Object({
    deliveryId: Type.Integer(),
    deliveryNumber: Type.String(),
    orderId: Type.Integer(),
    orderNumber: Type.String(),
    promisedDate: Nullable(Type.String()),
    deliveredDate: Nullable(Type.String()),
    hasClause: Type.Boolean(),
  }),
]);

export const ExposureQuerySchema = Type.Object(
  {
    daysLate: Type.Optional(Int32({ minimum: 0, maximum: 60, default: 1 })),
    short: Type.Optional(
      Type.Array(Type.String({ pattern: '^\\d+:\\d+$', maxLength: 21, description: 'lineId:quantity short' }), { maxItems: 200 }),
    ),
  },
  { additionalProperties: false },
);

export const ExposureSchema = Type.Object({
  orderId: Type.Integer(),
  promisedDate: Nullable(Type.String()),
  daysLate: Type.Integer(),
  hasClause: Type.Boolean(),
  late: EstimateSchema,
  short: Nullable(EstimateSchema),
});

export const NoticeInputSchema = Type.Object(
  {
    reference: Text(100, { minLength: 1, description: "the customer's reference of the notice" }),
    customerId: Id,
    orderId: Type.Optional(Nullable(Id)),
    deliveryId: Type.Optional(Nullable(Id)),
    externalOrderRef: Type.Optional(Nullable(Text(200))),
    receivedDate: IsoDateString,
    failureDate: IsoDateString,
    kind: literals(NOTICE_KINDS),
    category: Type.Optional(Nullable(CategorySchema)),
    claimedCents: Type.Integer({ minimum: 1, maximum: BIG_CENTS_MAX }),
    categoryOrderedValueCents: Type.Optional(Nullable(BigCents)),
    proofOfFailure: Type.Boolean(),
    proofOfHarm: Type.Boolean(),
    stockoutDocumented: Type.Boolean(),
    deductedFromInvoice: Type.Boolean(),
    contractBasis: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);

const FindingSchema = Type.Object({
  id: literals(NOTICE_CHECKS),
  severity: literals(['contest', 'warning', 'info'] as const),
  acceptableCents: Type.Integer(),
  ground: Type.String(),
  fr: Type.String(),
  en: Type.String(),
});

export const NoticeSchema = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  orderId: Nullable(Type.Integer()),
  orderNumber: Nullable(Type.String()),
  deliveryId: Nullable(Type.Integer()),
  deliveryNumber: Nullable(Type.String()),
  externalOrderRef: Nullable(Type.String()),
  receivedDate: Type.String(),
  failureDate: Type.String(),
  kind: literals(NOTICE_KINDS),
  category: Nullable(Type.String()),
  claimedCents: Type.Integer(),
  categoryOrderedValueCents: Nullable(Type.Integer()),
  proofOfFailure: Type.Boolean(),
  proofOfHarm: Type.Boolean(),
  stockoutDocumented: Type.Boolean(),
  deductedFromInvoice: Type.Boolean(),
  contractBasis: Nullable(Type.String()),
  status: literals(NOTICE_STATUSES),
  contestDeadline: Type.String(),
  reminderDate: Nullable(Type.String()),
  contestReason: Nullable(Type.String()),
  contestedAt: Nullable(Type.String()),
  letterDocumentId: Nullable(DocumentIdSchema),
  acceptedCents: Nullable(Type.Integer()),
  settledAt: Nullable(Type.String()),
  settlementNote: Nullable(Type.String()),
  createdAt: Type.String(),
  l441Applicable: Type.Boolean(),
  due: literals(['overdue', 'soon', 'later', 'none'] as const),
  assessment: Type.Object({
    findings: Type.Array(FindingSchema),
    capCents: Nullable(Type.Integer()),
    recommendedAcceptedCents: Type.Integer(),
    contestable: Type.Boolean(),
  }),
});

export const NoticeListQuerySchema = Type.Object(
  {
    status: Type.Optional(literals(NOTICE_STATUSES)),
    customerId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    due: Type.Optional(literals(['soon', 'overdue', 'any'] as const)),
  },
  { additionalProperties: false },
);

export const ContestInputSchema = Type.Object({ reason: Text(4000, { minLength: 3 }) }, { additionalProperties: false });
export const SettleInputSchema = Type.Object({ acceptedCents: BigCents, note: FreeText }, { additionalProperties: false });
export const WithdrawInputSchema = Type.Object({ note: FreeText }, { additionalProperties: false });

export const ForceMajeureSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  from: Type.String(),
  to: Type.String(),
  categories: Nullable(Type.Array(Type.String())),
  description: Nullable(Type.String()),
});
export const ForceMajeureInputSchema = Type.Object(
  {
    label: Text(200, { minLength: 1 }),
    from: IsoDateString,
    to: IsoDateString,
    categories: Type.Optional(Nullable(Type.Array(CategorySchema, { uniqueItems: true }))),
    description: FreeText,
  },
  { additionalProperties: false },
);

/** GET /api/penalty-notices. */
export const NoticeListSchema = ListOf(NoticeSchema);
export type NoticeList = Static<typeof NoticeListSchema>;
