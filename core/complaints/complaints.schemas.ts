import { Type, type Static } from '@sinclair/typebox';
import { TYPOLOGIES } from '../customers/customer-enums.ts';
import { AuditEventSchema } from '../orders/orders.schemas.ts';
import { Bp, DocumentIdSchema, Id, Int32, IsoDateString, ListOf, literals, NonBlankText, Nullable } from '../shared/schemas.ts';
import { COMPLAINT_CHANNELS, COMPLAINT_QUEUES, COMPLAINT_REASONS, COMPLAINT_STATUSES, MOODS } from './complaint.ts';
import { ComplaintLotSchema } from './lot-trace.schemas.ts';
import { REFUSAL_REASONS, RESOLUTION_OUTCOMES } from './resolution.ts';

const ParisDateTime = Type.String({ description: 'Europe/Paris wall clock, YYYY-MM-DDTHH:MM' });

/** POST /api/complaints: what the customer complains of, from an order, a delivery or its lines, or none of them. */
export const ComplaintInputSchema = Type.Object(
  {
    customerId: Id,
    orderId: Type.Optional(Id),
    deliveryId: Type.Optional(Id),
    lines: Type.Optional(
      Type.Array(Type.Object({ orderLineId: Id, quantity: Int32({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false }), {
        maxItems: 200,
      }),
    ),
    reason: literals(COMPLAINT_REASONS),
    description: NonBlankText(4000, { description: 'what the customer says, in his words' }),
    channel: literals(COMPLAINT_CHANNELS),
    mood: Type.Optional(literals(MOODS)),
    reservesMade: Type.Optional(Nullable(Type.Boolean({ description: 'reserves written on the delivery note; null: not said' }))),
  },
  { additionalProperties: false },
);
export type ComplaintInput = Static<typeof ComplaintInputSchema>;

export const ComplaintLineSchema = Type.Object({
  id: Type.Integer(),
  orderLineId: Type.Integer(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  saleUnit: Type.String(),
  quantity: Type.Integer(),
  orderedQuantity: Type.Integer(),
  orderedNetCents: Type.Integer({ description: "the order line's net, discounts included: what a credit note counts from" }),
  unitPriceCents: Type.Integer(),
  vatRateBp: Type.Integer(),
});

export const CreditNoteSchema = Type.Object({
  id: Type.Integer(),
  number: Type.String({ description: 'AV-YYYY-NNNNN, without gaps' }),
  netCents: Type.Integer(),
  vatCents: Type.Integer(),
  grossCents: Type.Integer(),
  documentId: Nullable(DocumentIdSchema),
  createdAt: Type.String(),
});

/** How the complaint was settled, and what that created. */
export const ResolutionSchema = Type.Object({
  outcome: literals(RESOLUTION_OUTCOMES),
  refusalReason: Nullable(literals(REFUSAL_REASONS)),
  gestureCents: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  creditNote: Nullable(CreditNoteSchema),
  replacementOrder: Nullable(
    Type.Object(
      {
        id: Type.Integer(),
        number: Type.String(),
        status: Type.String(),
        requestedDate: Nullable(IsoDateString),
      },
      { description: 'the free-of-charge order on the next possible date' },
    ),
  ),
  returnPickup: Nullable(
    Type.Object({
      id: Type.Integer(),
      number: Type.String({ description: 'RET-YYYY-NNNNN' }),
      pickupOn: IsoDateString,
      status: Type.String(),
      lines: Type.Array(Type.Object({ productCode: Type.String(), productName: Type.String(), quantity: Type.Integer() })),
    }),
  ),
  gestureAppliedOrderNumber: Nullable(Type.String({ description: 'the next order the gesture was taken off; null: waiting for it' })),
});

/** GET /api/customers/{id}/gestures: the gestures promised to the customer that his next order will take off. */
export const PendingGestureListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      amountCents: Type.Integer({ description: 'net cents off the next order' }),
      complaintId: Type.Integer(),
      complaintNumber: Type.String(),
    }),
  ),
});
export type PendingGestureList = Static<typeof PendingGestureListSchema>;

export const ClaimDeadlineSchema = Type.Object({
  kind: literals(['visible-damage', 'other-defect'] as const),
  days: Type.Integer({ description: 'working days after the delivery' }),
  date: Nullable(IsoDateString),
  withinTerms: Nullable(Type.Boolean()),
  clause: Nullable(Type.String({ description: 'where the terms say it, e.g. "CGV 2026, art. 7"' })),
});

export const ComplaintSchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  status: literals(COMPLAINT_STATUSES),
  queue: literals(COMPLAINT_QUEUES),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  typology: literals(TYPOLOGIES),
  orderId: Nullable(Type.Integer()),
  orderNumber: Nullable(Type.String()),
  deliveryId: Nullable(Type.Integer()),
  deliveryNumber: Nullable(Type.String()),
  deliveredOn: Nullable(IsoDateString),
  reason: literals(COMPLAINT_REASONS),
  description: Type.String(),
  channel: literals(COMPLAINT_CHANNELS),
  mood: Nullable(literals(MOODS)),
  reservesMade: Nullable(Type.Boolean()),
  ownerId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  receivedAt: Type.String(),
  claimDeadline: ClaimDeadlineSchema,
  answerBy: ParisDateTime,
  resolveBy: IsoDateString,
  overdue: Type.Object({ answer: Type.Boolean(), resolve: Type.Boolean() }),
  answeredAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Complaint = Static<typeof ComplaintSchema>;

export const ComplaintListSchema = ListOf(ComplaintSchema);
export type ComplaintList = Static<typeof ComplaintListSchema>;

/** A photo (or scanned document) the customer sent, with its thumbnail (none for a PDF). */
export const ComplaintPhotoSchema = Type.Object({
  id: DocumentIdSchema,
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  thumbnailId: Nullable(DocumentIdSchema),
  createdAt: Type.String(),
});

export const ComplaintDetailSchema = Type.Object({
  ...ComplaintSchema.properties,
  lines: Type.Array(ComplaintLineSchema),
  photos: Type.Array(ComplaintPhotoSchema),
  lots: Type.Array(ComplaintLotSchema, { description: 'the lots that left on those lines (recorded at shipping)' }),
  resolution: Nullable(ResolutionSchema),
  answer: Nullable(
    Type.Object(
      { text: Type.String(), channel: literals(['email', 'print'] as const), sentAt: Type.String() },
      { description: 'the answer sent to the customer' },
    ),
  ),
  history: Type.Array(AuditEventSchema),
});
export type ComplaintDetail = Static<typeof ComplaintDetailSchema>;

/**
 * A complaint as its customer's buyer sees it once she filed it from the portal: what she said and when we answer.
 * Never the desk's own reading of it (owner, queue, mood, claim-deadline judgement, lots, history).
 */
export const PortalComplaintSchema = Type.Object({
  ...Type.Pick(ComplaintSchema, [
    'id',
    'number',
    'status',
    'customerId',
    'customerName',
    'orderId',
    'orderNumber',
    'deliveryId',
    'deliveryNumber',
    'deliveredOn',
    'reason',
    'description',
    'channel',
    'reservesMade',
    'receivedAt',
    'answerBy',
    'answeredAt',
    'resolvedAt',
    'closedAt',
  ]).properties,
  lines: Type.Array(Type.Pick(ComplaintLineSchema, ['id', 'productCode', 'productName', 'saleUnit', 'quantity'])),
  photos: ComplaintDetailSchema.properties.photos,
  answer: ComplaintDetailSchema.properties.answer,
});
export type PortalComplaint = Static<typeof PortalComplaintSchema>;

/** GET /api/complaints for a buyer: her company's complaints as the portal lists them, nothing of the desk's reading. */
export const PortalComplaintListSchema = ListOf(
  Type.Pick(PortalComplaintSchema, [
    'id',
    'number',
    'status',
    'orderId',
    'orderNumber',
    'deliveryNumber',
    'reason',
    'receivedAt',
    'answerBy',
    'answeredAt',
    'resolvedAt',
    'closedAt',
  ]),
);
export type PortalComplaintList = Static<typeof PortalComplaintListSchema>;

export const ComplaintQuerySchema = Type.Object(
  {
    status: Type.Optional(literals(COMPLAINT_STATUSES)),
    customerId: Type.Optional(Id),
    queue: Type.Optional(literals(COMPLAINT_QUEUES)),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only those past their answer or resolution time' })),
  },
  { additionalProperties: false },
);
export type ComplaintQuery = Static<typeof ComplaintQuerySchema>;

/** POST /api/complaints/{id}/answer and /close: what was said, kept on the history. */
export const ComplaintStepSchema = Type.Object({ note: Type.Optional(NonBlankText(2000)) }, { additionalProperties: false });
export type ComplaintStep = Static<typeof ComplaintStepSchema>;

/** POST /api/complaints/{id}/resolve: the outcome, applied in one transaction. */
export const ResolveComplaintSchema = Type.Object(
  {
    outcome: literals(RESOLUTION_OUTCOMES),
    lines: Type.Optional(
      Type.Array(Type.Object({ orderLineId: Id, quantity: Int32({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 200,
        description: 'replacement or return: which complained lines and how much (default: all of them)',
      }),
    ),
    pickupOn: Type.Optional(IsoDateString),
    refusalReason: Type.Optional(literals(REFUSAL_REASONS)),
    amountCents: Type.Optional(
      Int32({ minimum: 1, maximum: 100_000_000, description: 'net cents: a gesture, or a credit note of a set amount' }),
    ),
    vatRateBp: Type.Optional(Bp),
    note: NonBlankText(2000, { description: 'what is said to the customer' }),
  },
  { additionalProperties: false },
);
export type ResolveComplaint = Static<typeof ResolveComplaintSchema>;

/** GET /api/complaints/{id}/reply: the French answer drafted from the outcome, and where it would go. */
export const ComplaintReplyDraftSchema = Type.Object({
  subject: Type.String(),
  text: Type.String(),
  toAddress: Nullable(Type.String()),
  toName: Nullable(Type.String()),
  suggestedChannel: literals(['email', 'print'] as const),
});
export type ComplaintReplyDraft = Static<typeof ComplaintReplyDraftSchema>;

/** POST /api/complaints/{id}/reply: the answer as the assistant finished it, emailed through the outbox or printed. */
export const ComplaintReplySchema = Type.Object(
  { channel: literals(['email', 'print'] as const), text: NonBlankText(8000) },
  { additionalProperties: false },
);
export type ComplaintReply = Static<typeof ComplaintReplySchema>;
