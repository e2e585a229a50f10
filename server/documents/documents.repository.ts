import type { Insertable } from 'kysely';
import type { DocumentOwner } from '../../core/auth/document-access.ts';
import type { DocumentKind } from '../../core/documents/document-kinds.ts';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { DocumentsTable } from './documents.table.ts';
import { newDocumentPublicId } from './public-id.ts';

const SUMMARY_COLUMNS = ['publicId as id', 'kind', 'filename', 'mimeType', 'sizeBytes', 'createdAt'] as const;

/** Files a document and gives it its public id; returns the row's number, for the records that point at it. */
export async function insertDocument(trx: Trx, values: Omit<Insertable<DocumentsTable>, 'publicId'>): Promise<number> {
  const row = await trx
    .insertInto('documents')
    .values({ ...values, publicId: newDocumentPublicId() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findDocumentByPublicId(db: DbOrTrx, publicId: string) {
  return db.selectFrom('documents').selectAll().where('publicId', '=', publicId).executeTakeFirst();
}

/** The public id of a document the caller just filed, for an answer that names it. */
export async function findDocumentPublicId(db: DbOrTrx, id: number): Promise<string> {
  return (await db.selectFrom('documents').select('publicId').where('id', '=', id).executeTakeFirstOrThrow()).publicId;
}

export async function listOrderDocumentRows(db: DbOrTrx, orderId: number) {
  return db.selectFrom('documents').select(SUMMARY_COLUMNS).where('orderId', '=', orderId).orderBy('documents.id').execute();
}

/**
 * The record a document belongs to and its customer, found from the records that point at it: an order's
 * documents carry the order; the others are found by the one record their kind is filed for.
 */
export async function findDocumentOwner(
  db: DbOrTrx,
  document: { id: number; kind: string; orderId: number | null },
): Promise<DocumentOwner> {
  if (document.orderId !== null) {
    const order = await db.selectFrom('orders').select('customerId').where('id', '=', document.orderId).executeTakeFirstOrThrow();
    return { record: 'order', customerId: order.customerId };
  }
  if (document.kind === 'edi-interchange') {
    const interchange = await db
      .selectFrom('ediInterchanges as i')
      .leftJoin('ediPartners as p', 'p.id', 'i.partnerId')
      .select('p.customerId')
      .where('i.documentId', '=', document.id)
      .executeTakeFirst();
    return interchange ? { record: 'edi-interchange', customerId: interchange.customerId } : { record: 'none' };
  }
  if (document.kind === 'import') return { record: 'import', customerId: null };
  // An email or fax of the order mailbox, or one of its attachments (server/intake).
  if (document.kind === 'intake-message' || document.kind === 'intake-attachment') return { record: 'intake', customerId: null };
  const [notice, report, creditNote, photo] = await Promise.all([
    db.selectFrom('penaltyNotices').select('customerId').where('letterDocumentId', '=', document.id).executeTakeFirst(),
    db.selectFrom('customerStockReports').select('customerId').where('documentId', '=', document.id).executeTakeFirst(),
    db.selectFrom('creditNotes').select('customerId').where('documentId', '=', document.id).executeTakeFirst(),
    db
      .selectFrom('complaintPhotos')
      .innerJoin('complaints', 'complaints.id', 'complaintPhotos.complaintId')
      .select('complaints.customerId')
      .where((eb) =>
        eb.or([eb('complaintPhotos.documentId', '=', document.id), eb('complaintPhotos.thumbnailDocumentId', '=', document.id)]),
      )
      .executeTakeFirst(),
  ]);
  if (notice) return { record: 'penalty-notice', customerId: notice.customerId };
  if (report) return { record: 'customer-stock-report', customerId: report.customerId };
  if (creditNote) return { record: 'complaint', customerId: creditNote.customerId };
  if (photo) return { record: 'complaint', customerId: photo.customerId };
  return { record: 'none' };
}

/** How many files of this kind an order has: the next one is a new version. */
export async function countOrderDocuments(db: DbOrTrx, orderId: number, kind: DocumentKind): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orderId', '=', orderId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A file of this kind already stored with these bytes (the same interchange sent twice). */
export function findDocumentByContent(db: DbOrTrx, sha256: string, kind: DocumentKind) {
  return db.selectFrom('documents').select('id').where('sha256', '=', sha256).where('kind', '=', kind).executeTakeFirst();
}
