import type { ColumnType, Generated } from 'kysely';

// Tables of the complaints capability (migration 2026_12_06_0200).

export type ComplaintsTable = {
  id: Generated<number>;
  number: string;
  customerId: number;
  orderId: number | null;
  deliveryId: number | null;
  reason: string;
  description: string;
  channel: string;
  mood: string | null;
  /** 1/0: reserves written on the delivery note; null: not said. */
  reservesMade: number | null;
  status: string;
  queue: string;
  ownerId: number | null;
  receivedAt: string;
  deliveredOn: string | null;
  claimKind: string;
  claimDays: number;
  claimDeadline: string | null;
  withinTerms: number | null;
  clause: string | null;
  /** Europe/Paris wall clock, YYYY-MM-DDTHH:MM. */
  answerBy: string;
  resolveBy: string;
  outcome: string | null;
  refusalReason: string | null;
  gestureCents: number | null;
  outcomeNote: string | null;
  answeredAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
} & ComplaintOutcomeColumns;

export type ComplaintLinesTable = {
  id: Generated<number>;
  complaintId: number;
  orderLineId: number;
  productId: number;
  quantity: number;
};

export type CreditNotesTable = {
  id: Generated<number>;
  number: string;
  complaintId: number;
  customerId: number;
  orderId: number | null;
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** core CreditNoteLine[] as JSON. */
  linesJson: string;
  documentId: number | null;
  approvedBy: number | null;
  createdBy: number | null;
  createdAt: string;
};

// Migration 2026_12_07_0700: photos, what the outcomes create, the answer sent.

export type ComplaintOutcomeColumns = {
  replacementOrderId: ColumnType<number | null, number | null | undefined, number | null>;
  answerText: ColumnType<string | null, string | null | undefined, string | null>;
  answerSentAt: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'email' (through the outbox) or 'print'. */
  answerChannel: ColumnType<string | null, string | null | undefined, string | null>;
  answerDocumentId: ColumnType<number | null, number | null | undefined, number | null>;
};

export type ComplaintPhotosTable = {
  id: Generated<number>;
  complaintId: number;
  documentId: number;
  /** A JPEG thumbnail; null for a PDF or a picture nothing could read. */
  thumbnailDocumentId: number | null;
  createdBy: number | null;
  createdAt: string;
};

/** A return to collect: the goods the carrier picks up at the customer's, on its date. */
export type ReturnPickupsTable = {
  id: Generated<number>;
  number: string;
  complaintId: number;
  customerId: number;
  deliveryPointId: number | null;
  pickupOn: string;
  status: string;
  createdBy: number | null;
  createdAt: string;
};

export type ReturnPickupLinesTable = {
  id: Generated<number>;
  returnPickupId: number;
  productId: number;
  quantity: number;
};

/** A commercial gesture waiting for the customer's next order; applied once taken off it. */
export type CustomerGesturesTable = {
  id: Generated<number>;
  customerId: number;
  complaintId: number;
  amountCents: number;
  appliedOrderId: number | null;
  appliedAt: string | null;
  createdAt: string;
};
