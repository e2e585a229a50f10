import type { ColumnType, Generated } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type EdiPartnersTable = {
  id: Generated<number>;
  customerId: number;
  gln: string;
  name: string;
  tokenHash: string | null;
  autoConfirm: Defaulted<number>;
  inboxFolder: string;
  outboxFolder: string;
  active: Defaulted<number>;
  createdAt: string;
};

export type EdiInterchangesTable = {
  id: Generated<number>;
  partnerId: number | null;
  sender: string;
  recipient: string | null;
  controlReference: string;
  receivedAt: string;
  door: string;
  filename: string | null;
  documentId: number | null;
  status: string;
  messageCount: Defaulted<number>;
  acceptedCount: Defaulted<number>;
  queuedCount: Defaulted<number>;
  rejectedCount: Defaulted<number>;
  warningsJson: string | null;
  error: string | null;
  updatedAt: string;
  /** The run processing it (host:pid:random) and until when its lease holds: one run at a time per interchange. */
  claimedBy: Defaulted<string | null>;
  claimedUntil: Defaulted<string | null>;
};

export type EdiMessagesTable = {
  id: Generated<number>;
  interchangeId: number;
  messageReference: string;
  type: string;
  status: string;
  orderId: number | null;
  customerId: number | null;
  documentNumber: string | null;
  /** Why it was refused, in English; and coded (EDI_REFUSAL_CODES, params in JSON), null on rows refused before. */
  error: string | null;
  reasonCode: Defaulted<string | null>;
  reasonParamsJson: Defaulted<string | null>;
  issuesJson: string | null;
  rawText: string;
  firstSegment: number;
  lastSegment: number;
  createdAt: string;
  updatedAt: string;
};

export type EdiOutboundTable = {
  id: Generated<number>;
  orderId: number;
  partnerId: number;
  type: string;
  controlReference: string;
  status: string;
  documentId: number | null;
  filename: string | null;
  error: string | null;
  createdAt: string;
  writtenAt: string | null;
  /** The number of the document carried (an INVOIC's invoice or credit note number), which a later one may quote. */
  documentNumber: ColumnType<string | null, string | null | undefined, string | null>;
};
