import type { ReadStream } from 'node:fs';
import { canReadDocument } from '../../core/auth/document-access.ts';
import type { SessionUser } from '../../core/auth/roles.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findOrderRow } from '../orders/orders.repository.ts';
import { findDocumentByPublicId, findDocumentOwner, listOrderDocumentRows } from './documents.repository.ts';
import { listUnfiledDocumentJobs } from './document-jobs.repository.ts';
import type { PreparingDocument } from '../../core/documents/documents.schemas.ts';
import { openFile } from './file-store.ts';

/** A stored file as the API shows it; `id` is its public id. */
export type DocumentSummary = { id: string; kind: string; filename: string; mimeType: string; sizeBytes: number; createdAt: string };

export async function listOrderDocuments(db: DbOrTrx, orderId: number): Promise<DocumentSummary[]> {
  if (!(await findOrderRow(db, orderId))) throw notFound('Order', orderId);
  return listOrderDocumentRows(db, orderId);
}

/** The order's documents not filed yet: being prepared by the document worker, or given up (with the error). */
export async function listPreparingDocuments(db: DbOrTrx, orderId: number): Promise<PreparingDocument[]> {
  if (!(await findOrderRow(db, orderId))) throw notFound('Order', orderId);
  return (await listUnfiledDocumentJobs(db, orderId)).map((j) => ({
    kind: j.kind,
    version: Number(j.version),
    status: j.status === 'failed' ? 'failed' : 'preparing',
    attempts: Number(j.attempts),
    error: j.lastError,
    queuedAt: j.createdAt,
  }));
}

/**
 * The file behind a public id, if this user may read the record it belongs to (canReadDocument). A file she may
 * not read answers exactly as one that does not exist: a 404 tells nothing about what others hold.
 */
export async function openDocument(
  db: DbOrTrx,
  dataDir: string,
  publicId: string,
  user: SessionUser,
): Promise<{ document: DocumentSummary; stream: ReadStream }> {
  const row = await findDocumentByPublicId(db, publicId);
  if (!row || !canReadDocument(user, await findDocumentOwner(db, row))) throw notFound('Document', publicId);
  const stream = openFile(dataDir, row.sha256);
  // The row says the file exists: its absence is a storage fault, not a client error, so it is logged as a 500.
  if (!stream) throw new Error(`Document ${row.id}: file ${row.sha256} is missing from the file store`);
  const { publicId: id, kind, filename, mimeType, sizeBytes, createdAt } = row;
  return { document: { id, kind, filename, mimeType, sizeBytes, createdAt }, stream };
}
