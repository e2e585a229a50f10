import type { Generated } from 'kysely';
import type { DocumentKind } from '../../core/documents/document-kinds.ts';

export type DocumentsTable = {
  id: Generated<number>;
  /** What the API and URLs call the document (public-id.ts); `id` never leaves the database. */
  publicId: string;
  kind: DocumentKind;
  filename: string;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  orderId: number | null;
  createdBy: number | null;
  createdAt: string;
};

/** A document to print after the commit of the change that calls for it (migration 2026_12_07_0400). */
export type DocumentJobsTable = {
  id: Generated<number>;
  kind: string;
  orderId: number;
  deliveryId: number | null;
  version: number;
  status: string;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: string;
  claimedUntil: string | null;
  documentId: number | null;
  replyToAddress: string | null;
  replyToName: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
};
