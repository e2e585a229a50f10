import { Type, type Static } from '@sinclair/typebox';
import { DocumentIdSchema, Id, Int32, ListOf, literals, NonBlankText, Nullable, Text } from '../shared/schemas.ts';
import { BilingualSchema } from '../orders/findings.schemas.ts';
import { RULE_IDS } from '../orders/findings.types.ts';
import { EDI_REFUSAL_CODES, type EdiRefusalCode, type ErrorParams } from '../shared/error-codes.ts';

/** A refusal's code and params (web: `ediRefusals.<code>`), beside its English `reason`; null on rows refused before codes. */
const ReasonCodeFields = {
  reasonCode: Nullable(literals(Object.keys(EDI_REFUSAL_CODES) as EdiRefusalCode[])),
  reasonParams: Nullable(Type.Unsafe<ErrorParams>(Type.Record(Type.String(), Type.Unknown()))),
};

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
/**
 * The two answers to a customer's price that differs from ours (EDI PRI): his (the line is invoiced at it; above the
 * terms' threshold, a manager's decision) or ours (it stands, and the ORDRSP tells him). Default: his.
 */
export const PRICE_ANSWERS = ['theirs', 'ours'] as const;
export type PriceAnswer = (typeof PRICE_ANSWERS)[number];
const PriceAnswerSchema = literals(PRICE_ANSWERS);

export const AcceptPriceFixSchema = Type.Object(
  { lineNo: Int32({ minimum: 1 }), answer: Type.Optional(PriceAnswerSchema) },
  { additionalProperties: false },
);
export type AcceptPriceFix = Static<typeof AcceptPriceFixSchema>;

/** What a manager may answer from the queue on an approval finding (core/edi/who-acts.ts). */
export const QUEUE_ANSWERS = ['approve-once', 'add-to-listing'] as const;
export type QueueAnswer = (typeof QUEUE_ANSWERS)[number];
/** POST /api/edi/messages/{id}/approve: a manager's answer to one approval finding of the message's order. */
export const ApproveFindingFixSchema = Type.Object(
  {
    rule: literals(RULE_IDS),
    lineNo: Nullable(Int32({ minimum: 1, description: "the order's line; null for an order-level finding" })),
    /** approve-once: this order only (with the reason); add-to-listing (not-listed only): the product joins the agreed assortment. */
    answer: literals(QUEUE_ANSWERS),
    reason: NonBlankText(500, { minLength: 3, description: 'why: kept on the finding and the timeline' }),
  },
  { additionalProperties: false },
);
export type ApproveFindingFix = Static<typeof ApproveFindingFixSchema>;

/** GET /api/edi/messages/{id}/product-candidates: the customer's unknown code. */
export const ProductCandidatesQuerySchema = Type.Object({ code: Text(60, { minLength: 1 }) }, { additionalProperties: false });
/** The products to propose first for a customer's unknown code (core/edi/product-candidates.ts). */
export const ProductCandidatesSchema = Type.Object({
  description: Nullable(Type.String({ description: "the line's own free text (IMD), as the customer wrote it" })),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      listed: Type.Boolean({ description: "in the customer's agreed assortment" }),
    }),
  ),
});
export type ProductCandidates = Static<typeof ProductCandidatesSchema>;

/** POST /api/orders/{id}/accept-customer-price. */
export const AcceptCustomerPriceSchema = Type.Object(
  { lineId: Id, answer: Type.Optional(PriceAnswerSchema) },
  { additionalProperties: false },
);
export type AcceptCustomerPrice = Static<typeof AcceptCustomerPriceSchema>;

// What the EDI routes answer. The response schema is also the serializer: a field left out here never reaches the web.

/** An EDI partner as the admin screen lists it (its token is never answered, only whether it has one). */
export const EdiPartnerSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  gln: Type.String(),
  name: Type.String(),
  autoConfirm: Type.Boolean(),
  inboxFolder: Type.String(),
  outboxFolder: Type.String(),
  active: Type.Boolean(),
  hasToken: Type.Boolean(),
  createdAt: Type.String(),
});
export type EdiPartner = Static<typeof EdiPartnerSchema>;
export const EdiPartnerListSchema = ListOf(EdiPartnerSchema);
export type EdiPartnerList = Static<typeof EdiPartnerListSchema>;
/** A partner's API token: shown in this answer only. */
export const EdiTokenSchema = Type.Object({ token: Type.String() });
export type EdiToken = Static<typeof EdiTokenSchema>;
export const EdiPartnerCreatedSchema = Type.Object({ partner: EdiPartnerSchema, token: Type.String() });

/** A finding of a waiting message, located on the raw segments it comes from. */
export const QueueFindingSchema = Type.Object({
  source: literals(['mapping', 'rules'] as const),
  kind: Type.String({ description: "mapping: the issue's kind (unknown-product…); rules: the order rule" }),
  severity: Type.String(),
  message: BilingualSchema,
  lineNo: Nullable(Type.Integer({ description: "the order's line" })),
  ediLine: Nullable(Type.Integer({ description: 'the LIN line number in the message' })),
  code: Nullable(Type.String({ description: "the customer's code that matched nothing" })),
  segmentIndex: Nullable(Type.Integer()),
  firstSegment: Nullable(Type.Integer()),
  lastSegment: Nullable(Type.Integer()),
  data: Type.Unknown({ description: "a rule's figures, by name; null for a mapping issue" }),
  description: Nullable(Type.String({ description: "an unknown product's line: its own free text (IMD), as the customer wrote it" })),
  /** Who must act: the order desk, or a manager (core/edi/who-acts.ts); null: nothing to do. */
  actor: Nullable(literals(['desk', 'manager'] as const)),
  answers: Type.Array(literals(QUEUE_ANSWERS), { description: 'what a manager may answer from the queue' }),
});
export type QueueFinding = Static<typeof QueueFindingSchema>;

export const QueueMessageSchema = Type.Object({
  id: Type.Integer(),
  interchangeId: Type.Integer(),
  sender: Type.String(),
  controlReference: Type.String(),
  receivedAt: Type.String(),
  rawDocumentId: Nullable(DocumentIdSchema),
  messageReference: Type.String(),
  type: Type.String(),
  documentNumber: Nullable(Type.String()),
  customer: Nullable(Type.Object({ id: Type.Integer(), code: Nullable(Type.String()), name: Nullable(Type.String()) })),
  order: Nullable(Type.Object({ id: Type.Integer(), number: Nullable(Type.String()), status: Nullable(Type.String()) })),
  reason: Nullable(Type.String({ description: 'why it was refused, in English' })),
  ...ReasonCodeFields,
  findings: Type.Array(QueueFindingSchema),
  deliveryPoints: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), gln: Nullable(Type.String()) })),
  segments: Type.Array(Type.Object({ index: Type.Integer(), text: Type.String() })),
});
export type QueueMessage = Static<typeof QueueMessageSchema>;
export const EdiQueueSchema = Type.Object({
  items: Type.Array(QueueMessageSchema),
  total: Type.Integer(),
  refused: Type.Array(QueueMessageSchema, { description: 'the last messages refused whole, newest first (no findings, no fix)' }),
});
export type EdiQueue = Static<typeof EdiQueueSchema>;
export const EdiQueueCountSchema = Type.Object({ count: Type.Integer() });
export type EdiQueueCount = Static<typeof EdiQueueCountSchema>;

/** A message after a one-click fix: gone on (accepted), still waiting, or rejected. */
export const EdiFixResultSchema = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  orderId: Nullable(Type.Integer()),
  reason: Nullable(Type.String({ description: 'why it was refused or waits, in English' })),
  ...ReasonCodeFields,
});
export type EdiFixResult = Static<typeof EdiFixResultSchema>;

/** The EDI messages of an order: the ORDERS it came as, and what was sent back. */
export const OrderEdiSchema = Type.Object({
  inbound: Type.Array(
    Type.Object({
      id: Type.Integer(),
      type: Type.String(),
      messageReference: Type.String(),
      controlReference: Type.String(),
      sender: Type.String(),
      door: Type.String(),
      status: Type.String(),
      documentNumber: Nullable(Type.String()),
      receivedAt: Type.String(),
      documentId: Nullable(DocumentIdSchema),
      raw: Type.String({ description: 'the raw segments of the message' }),
    }),
  ),
  outbound: Type.Array(
    Type.Object({
      id: Type.Integer(),
      type: Type.String(),
      controlReference: Type.String(),
      documentNumber: Nullable(Type.String({ description: "the invoice's or the credit note's number, for an INVOIC" })),
      status: Type.String(),
      filename: Nullable(Type.String()),
      documentId: Nullable(DocumentIdSchema),
      error: Nullable(Type.String()),
      createdAt: Type.String(),
      writtenAt: Nullable(Type.String()),
    }),
  ),
});
export type OrderEdi = Static<typeof OrderEdiSchema>;

export const MESSAGE_RESULTS = ['accepted', 'queued', 'rejected', 'done', 'skipped'] as const;
/** One message of an interchange taken in: skipped, when an earlier run took it in. */
export const MessageResultSchema = Type.Object({
  messageReference: Type.String(),
  type: Type.String(),
  status: literals(MESSAGE_RESULTS),
  orderId: Nullable(Type.Integer()),
  reason: Nullable(Type.String({ description: 'why it was rejected or waits, in English' })),
  ...ReasonCodeFields,
});
export type MessageResult = Static<typeof MessageResultSchema>;

export const EdiWarningSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  segmentIndex: Type.Integer(),
  tag: Nullable(Type.String()),
  elementPosition: Nullable(Type.Integer()),
  componentPosition: Nullable(Type.Integer()),
  byteOffset: Type.Integer(),
  expected: Type.String(),
  found: Nullable(Type.String()),
});

export const InterchangeResultSchema = Type.Object({
  interchangeId: Nullable(Type.Integer()),
  sender: Type.String(),
  controlReference: Type.String(),
  // duplicate: the same sender and control reference came before, nothing was created; in-progress: another door is
  // taking it in, nothing was created by this call (sent again later, it is a duplicate).
  status: literals(['processed', 'partially-rejected', 'rejected', 'duplicate', 'in-progress', 'received'] as const),
  duplicateOf: Nullable(Type.Integer()),
  counts: Type.Object(
    { accepted: Type.Integer(), queued: Type.Integer(), rejected: Type.Integer(), done: Type.Integer(), skipped: Type.Integer() },
    { description: 'how many of its messages ended in each status, this time' },
  ),
  messages: Type.Array(MessageResultSchema, { description: "each message's outcome, for the first messages of the file" }),
  warnings: Type.Array(EdiWarningSchema),
  error: Nullable(Type.String()),
});
/** POST /api/edi/interchanges: each interchange of the body and what became of its messages. */
export const InterchangesTakenSchema = Type.Object({
  status: literals(['accepted', 'duplicate'] as const),
  interchanges: Type.Array(InterchangeResultSchema),
});
