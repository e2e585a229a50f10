import { addDays, parisInstant } from '../../core/calendar/dates.ts';
import { DOCUMENT_READERS } from '../../core/auth/document-access.ts';
import type { SessionUser } from '../../core/auth/roles.ts';
import type { DocumentList, DocumentQuery } from '../../core/documents/document-search.schemas.ts';
import { DERIVED_KINDS } from '../../core/documents/document-kinds.ts';
import type { DbOrTrx } from '../db/database.ts';
import { searchDocuments } from './document-search.repository.ts';

/** The documents Carnet keeps that this staff member may read, found by customer, order, kind, number and date. */
export async function listDocuments(db: DbOrTrx, query: DocumentQuery, user: Pick<SessionUser, 'role'>): Promise<DocumentList> {
  const limit = query.limit ?? 200;
  const rows = await searchDocuments(db, {
    customerId: query.customerId,
    orderId: query.orderId,
    kind: query.kind,
    q: query.q,
    fromInstant: query.from ? parisInstant(query.from, '00:00') : undefined,
    toInstant: query.to ? parisInstant(addDays(query.to, 1), '00:00') : undefined,
    excludeKinds: [...DERIVED_KINDS, ...(DOCUMENT_READERS.import.includes(user.role) ? [] : (['import'] as const))],
    limit,
  });
  return {
    truncated: rows.length > limit,
    documents: rows.slice(0, limit).map((r) => ({
      id: r.publicId,
      kind: r.kind,
      filename: r.filename,
      mimeType: r.mimeType,
      sizeBytes: Number(r.sizeBytes),
      createdAt: r.createdAt,
      createdByName: r.createdByName,
      number: r.number,
      order: r.orderId !== null && r.orderNumber !== null ? { id: r.orderId, number: r.orderNumber } : null,
      customer:
        r.customerId !== null && r.customerCode !== null && r.customerName !== null
          ? { id: r.customerId, code: r.customerCode, name: r.customerName }
          : null,
      version: r.orderId !== null ? Number(r.version) : null,
      versions: r.orderId !== null ? Number(r.versions) : null,
    })),
  };
}
