import { Type } from '@sinclair/typebox';
import { RULE_IDS, SEVERITIES } from './findings.types.ts';
import { Int32, literals, NonBlankText, Nullable, Paging } from '../shared/schemas.ts';

const Closed = { additionalProperties: false } as const;
export const BilingualSchema = Type.Object({ fr: Type.String(), en: Type.String() });

export const FindingSchema = Type.Object({
  id: Nullable(Type.Integer({ description: 'null in a quote: nothing is stored' })),
  rule: literals(RULE_IDS),
  // block: a manager overrides; approval: a manager approves; warning, info: shown.
  severity: literals(SEVERITIES),
  message: Type.String({ description: 'in French, the working language, with the figures' }),
  messages: BilingualSchema,
  lineId: Nullable(Type.Integer({ description: 'the stored order line; null for an order-level finding and in a quote' })),
  lineNo: Nullable(Type.Integer({ description: '1-based line number (the body order in a quote); null for an order-level finding' })),
  data: Type.Record(
    Type.String(),
    Nullable(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.Union([Type.String(), Type.Number()]))])),
    {
      description: 'the figures behind the message, by name',
    },
  ),
  resolution: Nullable(
    Type.Object({
      kind: literals(['approved', 'overridden'] as const),
      userId: Type.Integer(),
      userName: Nullable(Type.String()),
      at: Type.String(),
      reason: Type.String(),
    }),
  ),
});

const lineNames = {
  lineNo: Type.Optional(Type.Integer()),
  lineId: Type.Optional(Type.Integer({ description: 'on a stored order: its line id' })),
};

export const SuggestionSchema = Type.Object({
  id: Type.String(),
  kind: literals(['next-tier', 'reach-franco', 'round-up', 'round-down', 'fill-truck', 'move-date'] as const),
  description: Type.String({ description: 'in French' }),
  descriptions: BilingualSchema,
  savingCents: Type.Integer({ description: 'what the customer saves, HT, re-priced; never negative' }),
  orderChangeCents: Type.Integer({ description: "how the order's total HT moves, charges included: what he spends more (negative: less)" }),
  // Each change as `applySuggestion` takes it, naming the line the way the API's readers do (number, id once stored).
  changes: Type.Array(
    Type.Union([
      Type.Object({
        op: Type.Literal('setQuantity'),
        lineIndex: Type.Integer({ description: '0-based index of the line as priced' }),
        quantity: Type.Integer(),
        ...lineNames,
      }),
      Type.Object({
        op: Type.Literal('addLine'),
        productId: Type.Integer({ description: 'the product to add' }),
        quantity: Type.Integer(),
        ...lineNames,
      }),
      Type.Object({ op: Type.Literal('setRequestedDate'), date: Type.String({ description: 'the new date' }), ...lineNames }),
    ]),
    { description: 'apply in order: the lines of a setQuantity are those of the order as it was priced' },
  ),
});

export const ChargeSchema = Type.Object({
  kind: literals(['shipping', 'surcharge', 'gesture'] as const),
  label: BilingualSchema,
  netCents: Type.Integer({ description: 'a gesture is negative: taken off the order' }),
  vatRateBp: Type.Integer(),
  gestureId: Type.Optional(Type.Integer({ description: "the complaint's gesture this charge takes off the order" })),
});

/** A commercial gesture granted on a complaint, waiting for the customer's next order (customer_gestures). */
export const PendingGestureSchema = Type.Object({
  id: Type.Integer(),
  amountCents: Type.Integer({ minimum: 1, description: 'taken off, before VAT' }),
  label: BilingualSchema,
});

/** An order's totals, as `orderTotals` makes them (the detail's and the quote's). */
export const TotalsFields = {
  netCents: Type.Integer(),
  vatCents: Type.Integer(),
  grossCents: Type.Integer(),
  vat: Type.Array(Type.Object({ rateBp: Type.Integer(), baseCents: Type.Integer(), vatCents: Type.Integer() })),
  pallets: Type.Number(),
  weightG: Type.Integer(),
};

export const QuoteSchema = Type.Object({
  customerId: Type.Integer(),
  deliveryPointId: Type.Integer(),
  requestedDate: Nullable(Type.String()),
  orderDate: Type.String(),
  lines: Type.Array(
    Type.Object({
      lineNo: Type.Integer(),
      productId: Type.Integer(),
      productCode: Type.String(),
      productName: Type.String(),
      customerCode: Nullable(Type.String()),
      quantity: Type.Integer(),
      freeQuantity: Type.Integer(),
      unitPriceCents: Type.Integer(),
      priceSource: Nullable(Type.String()),
      grossCents: Type.Integer(),
      discounts: Type.Array(
        Type.Object({
          kind: Type.String(),
          discountBp: Type.Integer(),
          amountCents: Type.Integer(),
          promotionId: Type.Optional(Type.Integer()),
        }),
      ),
      netCents: Type.Integer(),
      vatRateBp: Type.Integer(),
      promotionId: Nullable(Type.Integer()),
    }),
  ),
  charges: Type.Array(ChargeSchema),
  totals: Type.Object({ ...TotalsFields, goodsNetCents: Type.Integer(), chargesNetCents: Type.Integer() }),
  franco: Nullable(
    Type.Object({
      measure: Type.String(),
      threshold: Type.Number(),
      value: Type.Number(),
      missing: Type.Number(),
      feeCents: Type.Integer(),
    }),
  ),
  orderTier: Nullable(
    Type.Object({
      measure: Type.String(),
      value: Type.Number(),
      discountBp: Type.Integer(),
      next: Nullable(Type.Object({ min: Type.Number(), discountBp: Type.Integer() })),
    }),
  ),
  findings: Type.Array(FindingSchema),
  suggestions: Type.Array(SuggestionSchema),
});

const Reason = NonBlankText(500, { minLength: 3, description: 'why: kept on the finding and the timeline' });
export const ApproveInputSchema = Type.Object({ reason: Reason }, Closed);
export const OverrideInputSchema = Type.Object(
  {
    rule: literals(RULE_IDS),
    lineId: Type.Optional(Int32({ minimum: 1, description: 'one line only; all lines of the rule without it' })),
    reason: Reason,
  },
  Closed,
);

export const ApprovalsQuerySchema = Type.Object({ ...Paging }, Closed);
/** One draft of the manager's queue (`GET /api/approvals`): who, how much, and every finding it carries. */
export const ApprovalItemSchema = Type.Object({
  orderId: Type.Integer(),
  number: Type.String(),
  customerId: Type.Integer(),
  customerName: Type.String(),
  channel: Type.String(),
  requestedDate: Nullable(Type.String()),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  totals: Type.Object({ netCents: Type.Integer(), grossCents: Type.Integer() }),
  findings: Type.Array(FindingSchema),
});
export const ApprovalsSchema = Type.Object({ items: Type.Array(ApprovalItemSchema), total: Type.Integer() });
