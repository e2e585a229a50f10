import type { Generated } from 'kysely';

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
};

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
