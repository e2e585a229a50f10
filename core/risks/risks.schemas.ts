import { Type, type Static } from '@sinclair/typebox';
import { Id, ListOf, literals, Nullable, Text } from '../shared/schemas.ts';
import { RISK_OPTION_KINDS } from './options.ts';
import { RISK_CAUSES, RISK_STATUSES } from './risk.types.ts';

export const RiskSchema = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  orderNumber: Type.String(),
  customerRef: Nullable(Type.String()),
  orderStatus: Type.String(),
  orderLineId: Nullable(Type.Integer({ description: 'null for an order-wide cause (truck, appointment)' })),
  lineNo: Nullable(Type.Integer()),
  lineQuantity: Nullable(Type.Integer()),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  typology: Type.String(),
  productId: Nullable(Type.Integer()),
  productCode: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  saleUnit: Nullable(Type.String()),
  cause: literals(RISK_CAUSES),
  promisedDate: Type.String(),
  daysLeft: Type.Integer(),
  shortfall: Type.Integer(),
  valueCents: Type.Integer(),
  exposureCents: Type.Integer(),
  priorityScore: Type.Integer(),
  priorityReason: Type.Object({ fr: Type.String(), en: Type.String() }),
  receiptRef: Nullable(Type.String()),
  status: literals(RISK_STATUSES),
  detectedAt: Type.String(),
  updatedAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.Integer()),
  resolutionOption: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});
export type Risk = Static<typeof RiskSchema>;

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
/** A moment as the desk says it: a date and a time on the Paris clock (the server makes it an instant in Europe/Paris). */
const ParisDateTime = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'ISO date, Europe/Paris' }),
    time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Paris wall time' }),
  },
  { additionalProperties: false },
);

const OptionId = { kind: literals(RISK_OPTION_KINDS), productId: Type.Optional(Id), warehouseId: Type.Optional(Id) };

export const RiskOptionSchema = Type.Object({
  ...OptionId,
  label: Bilingual,
  accepted: Type.Boolean({ description: "by the customer's supply settings (EDIFACT 4493 SC/BK/SP/IS/CD)" }),
  needsApproval: Type.Boolean(),
  newDates: Type.Object({
    delivery: Type.String(),
    backorder: Type.Optional(Type.String()),
    secondDelivery: Type.Optional(Type.String({ description: 'split: the date of the second delivery' })),
  }),
  priceEffectCents: Type.Integer(),
  penaltyEffect: Type.Object({ claimableCents: Type.Integer(), capCents: Nullable(Type.Integer()) }),
  changes: Type.Array(Type.Object({ type: Type.String() }, { additionalProperties: true })),
  effects: Type.Array(Type.Object({ kind: Type.String() }, { additionalProperties: true }), {
    description: 'what applying it does to the order, change by change, for the confirmation (core/risks/options optionEffects)',
  }),
});

export const RiskContactSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  preferredHours: Nullable(Type.String()),
  isOrderContact: Type.Boolean(),
});
export type RiskContact = Static<typeof RiskContactSchema>;

export const RiskCallSchema = Type.Composite([
  RiskSchema,
  Type.Object({
    options: Type.Array(RiskOptionSchema),
    customerPhone: Nullable(Type.String()),
    contacts: Type.Array(RiskContactSchema),
    situation: Type.Object({ fr: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
    script: Type.Object({ fr: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
    warehouse: Nullable(
      Type.Object(
        { id: Type.Integer(), code: Type.String(), name: Type.String() },
        { description: 'the warehouse that serves (or would serve) the line' },
      ),
    ),
    deliveryRequirement: Nullable(Type.String({ description: "the EDI order's own 4493 code, which beats the customer's settings" })),
    callBack: Nullable(ParisDateTime),
    applied: Nullable(
      Type.Object(
        { label: Bilingual, at: Type.String() },
        { description: 'the option applied to the order (undo: POST /api/risks/{id}/undo while nothing moved on since)' },
      ),
    ),
  }),
]);
export type RiskCall = Static<typeof RiskCallSchema>;

const Note = Type.Optional(Nullable(Text(2000)));
export const ResolveBodySchema = Type.Union([
  Type.Object(
    {
      option: Type.Object(OptionId, { additionalProperties: false }),
      note: Note,
      customerApproved: Type.Optional(Type.Boolean({ description: 'the customer agreed on the call to an option outside his settings' })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ callBack: ParisDateTime, note: Note }, { additionalProperties: false }),
]);
export type ResolveBody = Static<typeof ResolveBodySchema>;

export const ResolveAnswerSchema = Type.Object({
  outcome: literals(['applied', 'call-back'] as const),
  riskId: Type.Integer(),
  orderId: Type.Integer(),
  taskId: Type.Optional(Type.Integer()),
  backorder: Type.Optional(Nullable(Type.Object({ id: Type.Integer(), number: Type.String() }))),
});
export type ResolveAnswer = Static<typeof ResolveAnswerSchema>;

export const UndoAnswerSchema = Type.Object({
  riskId: Type.Integer(),
  orderId: Type.Integer(),
  acknowledgementVersion: Type.Integer({ description: 'the new acknowledgement of the order as it was, superseding the revised one' }),
});
export type UndoAnswer = Static<typeof UndoAnswerSchema>;

export const RiskScanSchema = Type.Object({
  skipped: Type.Boolean(),
  lines: Type.Integer(),
  found: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  obsoleted: Type.Integer(),
  ms: Type.Number(),
});

/** GET /api/risks. */
export const RiskListQuerySchema = Type.Object(
  { status: Type.Optional(literals(RISK_STATUSES)), customerId: Type.Optional(Id), cause: Type.Optional(literals(RISK_CAUSES)) },
  { additionalProperties: false },
);
export type RiskListQuery = Static<typeof RiskListQuerySchema>;
export const RiskListSchema = ListOf(RiskSchema);
export type RiskList = Static<typeof RiskListSchema>;
/** GET /api/risks/count, for the navigation badge. */
export const RiskCountSchema = Type.Object({ open: Type.Integer() });
export type RiskCount = Static<typeof RiskCountSchema>;
