import { Type, type Static } from '@sinclair/typebox';
import { DocumentIdSchema, Id, literals, Nullable, Text } from '../shared/schemas.ts';
import { DISCREPANCY_KINDS } from './compare.ts';

export const CONTROL_STATUSES = ['open', 'settled', 'all'] as const;
export const DECISION_ACTIONS = ['complaint', 'accepted', 'corrected-invoice'] as const;
export const CORRECTION_KINDS = ['credit-note', 'corrective-invoice'] as const;

export const ControlQuerySchema = Type.Object(
  {
    /** open (default): orders with a discrepancy nobody decided; settled: every discrepancy decided; all. */
    status: Type.Optional(literals(CONTROL_STATUSES)),
    customerId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200, description: 'delivered orders looked at, newest first' })),
  },
  { additionalProperties: false },
);
export type ControlQuery = Static<typeof ControlQuerySchema>;

/** One product across the documents, side by side; null where that document is missing or silent. */
export const ControlLineSchema = Type.Object({
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  ordered: Type.Integer(),
  orderedUnitPriceCents: Nullable(Type.Integer()),
  shipped: Nullable(Type.Integer()),
  received: Nullable(Type.Integer()),
  invoiced: Nullable(Type.Integer()),
  invoicedUnitPriceCents: Nullable(Type.Integer()),
});

export const DiscrepancySchema = Type.Object({
  key: Type.String(),
  kind: literals(DISCREPANCY_KINDS),
  productId: Type.Integer(),
  productCode: Type.String(),
  /** Quantities, or unit prices in cents for invoiced-price. */
  expected: Type.Integer(),
  actual: Type.Integer(),
  amountCents: Type.Integer({ description: 'excl. VAT, at the order price' }),
  owedTo: literals(['customer', 'supplier'] as const),
  /**
   * The document `corrected-invoice` issues for it, in cents: a credit note when the customer is owed, a corrective
   * invoice when we are; null when there is nothing to correct with (no invoice, a gap before the invoice, no agreed price).
   */
  correction: Nullable(
    Type.Object({
      kind: literals(CORRECTION_KINDS),
      netCents: Type.Integer(),
      vatCents: Type.Integer(),
      grossCents: Type.Integer(),
    }),
  ),
  status: literals(['open', ...DECISION_ACTIONS] as const),
  decision: Nullable(
    Type.Object({
      action: literals(DECISION_ACTIONS),
      complaintId: Nullable(Type.Integer()),
      complaintNumber: Nullable(Type.String()),
      /** The correcting document issued (its PDF) and its number. */
      documentId: Nullable(DocumentIdSchema),
      documentNumber: Nullable(Type.String()),
      note: Nullable(Type.String()),
      decidedByName: Nullable(Type.String()),
      decidedAt: Type.String(),
    }),
  ),
});

const FileRef = Type.Object({ documentId: Nullable(DocumentIdSchema), number: Nullable(Type.String()), date: Nullable(Type.String()) });

export const ControlSchema = Type.Object({
  order: Type.Object({ id: Type.Integer(), number: Type.String(), customerRef: Nullable(Type.String()), status: Type.String() }),
  customer: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  documents: Type.Object({
    deliveryNotes: Type.Array(FileRef),
    /** The customer's receiving advices (RECADV); the delivery report is on the delivery notes' rows. */
    receipts: Type.Array(FileRef),
    invoices: Type.Array(FileRef),
  }),
  receivedSource: Nullable(literals(['delivery-report', 'recadv'] as const)),
  lines: Type.Array(ControlLineSchema),
  discrepancies: Type.Array(DiscrepancySchema),
});
export type Control = Static<typeof ControlSchema>;

export const ControlListSchema = Type.Object({ controls: Type.Array(ControlSchema) });
export type ControlList = Static<typeof ControlListSchema>;

export const ControlDecisionInputSchema = Type.Object(
  {
    key: Text(80, { minLength: 1, description: "the discrepancy's key, as listed" }),
    /**
     * complaint: open one with the line and quantity; accepted: leave it as it stands; corrected-invoice: issue the
     * credit note or corrective invoice of its `correction`.
     */
    action: literals(DECISION_ACTIONS),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ControlDecisionInput = Static<typeof ControlDecisionInputSchema>;

export const ReceivingAdviceInputSchema = Type.Object(
  { text: Text(2_000_000, { minLength: 1, description: 'the EANCOM interchange holding the RECADV, as received' }) },
  { additionalProperties: false },
);
export const FiledReceivingAdviceSchema = Type.Object({
  orderId: Type.Integer(),
  orderNumber: Type.String(),
  documentId: DocumentIdSchema,
  receiptNumber: Nullable(Type.String()),
  /** The same receipt (order and receipt number) was filed before: nothing filed again (200 rather than 201). */
  alreadyFiled: Type.Boolean(),
});
export type FiledReceivingAdvice = Static<typeof FiledReceivingAdviceSchema>;
