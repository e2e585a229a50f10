import { Type, type Static } from '@sinclair/typebox';
import { OrderInputSchema } from '../orders/orders.schemas.ts';
import { DocumentIdSchema, Id, IsoDateString, literals, Nullable, Text } from '../shared/schemas.ts';
import { DISMISS_REASONS, FOUND_KINDS, INTAKE_CHANNELS, INTAKE_STATUSES, PART_KINDS, PRODUCT_VIA, READ_UNITS } from './intake-enums.ts';

const Confidence = Type.Number({ minimum: 0, maximum: 1, description: 'How sure the reading is, 0 to 1' });

/** Where a value was read: which part of the message, and the characters of that part's text. */
export const WhereSchema = Type.Object({
  part: Type.Integer({ minimum: 0, description: 'Index in `parts`' }),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
});

export const FoundValueSchema = Type.Object({
  kind: literals(FOUND_KINDS),
  text: Type.String({ description: 'As read' }),
  value: Type.String({ description: 'As understood: a product code, a number, an ISO date, a reference' }),
  confidence: Confidence,
  where: WhereSchema,
  line: Nullable(Type.Integer({ minimum: 0, description: 'The found line it belongs to' })),
});

export const FoundLineSchema = Type.Object({
  productId: Nullable(Type.Integer()),
  productCode: Nullable(Type.String()),
  via: Nullable(literals(PRODUCT_VIA)),
  productConfidence: Confidence,
  /** In the product's sale unit. */
  quantity: Nullable(Type.Integer()),
  readQuantity: Nullable(Type.Number()),
  unit: Nullable(literals(READ_UNITS)),
  quantityConfidence: Confidence,
  confidence: Confidence,
  /** The customer's own code, when he wrote one. */
  customerCode: Nullable(Type.String()),
  text: Type.String({ description: 'The line of text it was read from' }),
  where: WhereSchema,
});

export const FoundOrderSchema = Type.Object({
  lines: Type.Array(FoundLineSchema),
  values: Type.Array(FoundValueSchema),
  requestedDate: Nullable(Type.Object({ value: IsoDateString, confidence: Confidence })),
  customerRef: Nullable(Type.Object({ value: Type.String(), confidence: Confidence })),
});

export const IntakePartSchema = Type.Object({
  kind: literals(PART_KINDS),
  filename: Nullable(Type.String()),
  mimeType: Type.String(),
  documentId: Nullable(DocumentIdSchema),
  text: Type.String(),
  /** OCR's own mean confidence for an image, 0 to 1. */
  ocrConfidence: Nullable(Confidence),
});

export const SenderMatchSchema = Type.Object({
  customerId: Nullable(Type.Integer()),
  by: literals(['contact', 'customer-email', 'domain', 'phone', 'name', 'desk', 'none'] as const),
  confidence: Confidence,
  candidates: Type.Array(Type.Integer(), { description: 'Customers it could be, when it is not sure' }),
});

const IntakeItemCore = {
  id: Type.Integer(),
  channel: literals(INTAKE_CHANNELS),
  status: literals(INTAKE_STATUSES),
  fromAddress: Nullable(Type.String()),
  fromName: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  receivedAt: Type.String(),
  customerId: Nullable(Type.Integer()),
  customerName: Nullable(Type.String()),
  orderId: Nullable(Type.Integer()),
  orderNumber: Nullable(Type.String()),
  dismissReason: Nullable(literals(DISMISS_REASONS)),
  lineCount: Type.Integer(),
  confidence: Nullable(Confidence),
};

/** One row of "À saisir": an email or fax of our own, or a pointer to the EDI queue or a portal order. */
export const IntakeQueueItemSchema = Type.Object({
  source: literals(['mailbox', 'edi', 'portal'] as const),
  /** The intake item (mailbox), the EDI message, the portal order. */
  id: Type.Integer(),
  channel: literals(INTAKE_CHANNELS),
  status: Type.String(),
  from: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  receivedAt: Type.String(),
  customerId: Nullable(Type.Integer()),
  customerName: Nullable(Type.String()),
  orderId: Nullable(Type.Integer()),
  orderNumber: Nullable(Type.String()),
  lineCount: Type.Integer(),
  confidence: Nullable(Confidence),
  /** The screen that handles it: /intake/{id}, /edi, /orders/{id}. */
  link: Type.String(),
});
export const IntakeQueueSchema = Type.Object({ items: Type.Array(IntakeQueueItemSchema) });

export const IntakeQuerySchema = Type.Object({
  channel: Type.Optional(literals(INTAKE_CHANNELS)),
  status: Type.Optional(literals(['waiting', ...INTAKE_STATUSES] as const)),
});

export const IntakeDetailSchema = Type.Object({
  ...IntakeItemCore,
  messageId: Type.String(),
  rawDocumentId: Nullable(DocumentIdSchema),
  parts: Type.Array(IntakePartSchema),
  sender: SenderMatchSchema,
  found: FoundOrderSchema,
});

export const DismissInputSchema = Type.Object(
  { reason: literals(DISMISS_REASONS), note: Type.Optional(Text(500)) },
  { additionalProperties: false },
);

export const DraftInputSchema = Type.Optional(
  Type.Object(
    { customerId: Type.Optional(Id), order: Type.Optional(OrderInputSchema) },
    {
      additionalProperties: false,
      description: 'The customer, when the sender was not recognised (or wrongly); or the order as the desk typed it beside the original',
    },
  ),
);

export type Where = Static<typeof WhereSchema>;
export type FoundValue = Static<typeof FoundValueSchema>;
export type FoundLine = Static<typeof FoundLineSchema>;
export type FoundOrder = Static<typeof FoundOrderSchema>;
export type IntakePart = Static<typeof IntakePartSchema>;
export type SenderMatch = Static<typeof SenderMatchSchema>;
export type IntakeQueueItem = Static<typeof IntakeQueueItemSchema>;
export type IntakeDetail = Static<typeof IntakeDetailSchema>;
export type IntakeQuery = Static<typeof IntakeQuerySchema>;
export type IntakeQueue = Static<typeof IntakeQueueSchema>;
