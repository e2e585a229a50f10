import type { ColumnType, Generated } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** A message taken from the order mailbox (migration 2026_12_07_0300). */
export type IntakeItemsTable = {
  id: Generated<number>;
  messageId: string;
  mailbox: string;
  uidValidity: string | null;
  uid: number | null;
  channel: string;
  status: string;
  documentId: number;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  receivedAt: string;
  customerId: number | null;
  senderJson: string | null;
  partsJson: string | null;
  foundJson: string | null;
  confidence: number | null;
  lineCount: Defaulted<number>;
  orderId: number | null;
  dismissReason: string | null;
  dismissNote: string | null;
  readError: string | null;
  handledBy: number | null;
  createdAt: string;
  updatedAt: string;
};

export type IntakeCorrectionsTable = {
  id: Generated<number>;
  customerId: number;
  kind: string;
  readKey: string;
  productId: number;
  unitFactor: number | null;
  createdBy: number | null;
  createdAt: string;
};
