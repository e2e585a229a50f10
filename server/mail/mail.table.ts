import type { Generated } from 'kysely';

export { OUTBOX_STATUSES, type OutboxStatus } from '../../core/mail/outbox.ts';

/** Emails to send, written in the transaction of the change that calls for them (migration 2026_11_27_0050). */
export type OutboxEmailsTable = {
  id: Generated<number>;
  kind: string;
  orderId: number | null;
  /** The stored file sent as the attachment. */
  documentId: number | null;
  /** Null: nobody to send it to (the row is failed at once, so the desk sees it). */
  toAddress: string | null;
  toName: string | null;
  subject: string;
  bodyText: string;
  status: string;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: string;
  claimedUntil: string | null;
  messageId: string | null;
  sentAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
};
