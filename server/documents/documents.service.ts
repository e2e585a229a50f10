import type { ReadStream } from 'node:fs';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findOrderRow } from '../orders/orders.repository.ts';
import { findDocumentRow, listOrderDocumentRows } from './documents.repository.ts';
import { openFile } from './file-store.ts';

export type DocumentSummary = { id: number; kind: string; filename: string; mimeType: string; sizeBytes: number; createdAt: string };

export async function listOrderDocuments(db: DbOrTrx, orderId: number): Promise<DocumentSummary[]> {
  if (!(await findOrderRow(db, orderId))) throw notFound('Order', orderId);
  const rows = await listOrderDocumentRows(db, orderId);
  return rows.map(({ orderId: _o, ...d }) => d);
}

export async function openDocument(db: DbOrTrx, dataDir: string, id: number): Promise<{ document: DocumentSummary; stream: ReadStream }> {
  const row = await findDocumentRow(db, id);
  if (!row) throw notFound('Document', id);
  const stream = openFile(dataDir, row.sha256);
  // The row says the file exists: its absence is a storage fault, not a client error, so it is logged as a 500.
  if (!stream) throw new Error(`Document ${id}: file ${row.sha256} is missing from the file store`);
  const { sha256: _s, orderId: _o, createdBy: _c, ...document } = row;
  return { document, stream };
}
