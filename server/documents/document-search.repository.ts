import { sql } from 'kysely';
import type { DocumentKind } from '../../core/documents/document-kinds.ts';
import type { DbOrTrx } from '../db/database.ts';
import { lowerLike } from '../db/search-pattern.ts';

export type DocumentSearch = {
  customerId?: number;
  orderId?: number;
  kind?: DocumentKind;
  q?: string;
  /** Instants (ISO, UTC) the filing time must fall in. */
  fromInstant?: string;
  toInstant?: string;
  /** Leave out these kinds (what the caller's role may not read). */
  excludeKinds: readonly DocumentKind[];
  limit: number;
};

// The customer a document concerns, found from whichever record points at it (as findDocumentOwner does, in SQL).
const customerOf = sql<number | null>`coalesce(o.customer_id, cn.customer_id, pn.customer_id, csr.customer_id, ep.customer_id)`;
const numberOf = sql<
  string | null
>`coalesce(dl.delivery_note_number, cn.number, cdc.document_number, pn.reference, ei.control_reference, eo.control_reference)`;

/** Every filed document matching the search, newest first, with the records it belongs to; `limit + 1` rows at most. */
export async function searchDocuments(db: DbOrTrx, s: DocumentSearch) {
  let q = db
    .selectFrom('documents as d')
    .leftJoin('orders as o', 'o.id', 'd.orderId')
    .leftJoin('deliveries as dl', 'dl.documentId', 'd.id')
    .leftJoin('creditNotes as cn', 'cn.documentId', 'd.id')
    .leftJoin('controlDecisions as cdc', 'cdc.documentId', 'd.id')
    .leftJoin('penaltyNotices as pn', 'pn.letterDocumentId', 'd.id')
    .leftJoin('customerStockReports as csr', 'csr.documentId', 'd.id')
    .leftJoin('ediInterchanges as ei', 'ei.documentId', 'd.id')
    .leftJoin('ediPartners as ep', 'ep.id', 'ei.partnerId')
    .leftJoin('ediOutbound as eo', 'eo.documentId', 'd.id')
    .leftJoin('customers as c', (join) => join.on(sql<boolean>`c.id = ${customerOf}`))
    .leftJoin('users as u', 'u.id', 'd.createdBy')
    .select((eb) => [
      'd.id as rowId',
      'd.publicId',
      'd.kind',
      'd.filename',
      'd.mimeType',
      'd.sizeBytes',
      'd.createdAt',
      'u.name as createdByName',
      numberOf.as('number'),
      'o.id as orderId',
      'o.number as orderNumber',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
      eb
        .selectFrom('documents as v')
        .select((v) => v.fn.countAll<number>().as('n'))
        .whereRef('v.orderId', '=', 'd.orderId')
        .whereRef('v.kind', '=', 'd.kind')
        .whereRef('v.id', '<=', 'd.id')
        .as('version'),
      eb
        .selectFrom('documents as w')
        .select((w) => w.fn.countAll<number>().as('n'))
        .whereRef('w.orderId', '=', 'd.orderId')
        .whereRef('w.kind', '=', 'd.kind')
        .as('versions'),
    ]);
  if (s.customerId !== undefined) q = q.where(sql<boolean>`${customerOf} = ${s.customerId}`);
  if (s.orderId !== undefined) q = q.where('d.orderId', '=', s.orderId);
  if (s.kind !== undefined) q = q.where('d.kind', '=', s.kind);
  if (s.excludeKinds.length) q = q.where('d.kind', 'not in', [...s.excludeKinds]);
  if (s.fromInstant !== undefined) q = q.where('d.createdAt', '>=', s.fromInstant);
  if (s.toInstant !== undefined) q = q.where('d.createdAt', '<', s.toInstant);
  const text = s.q?.trim();
  if (text)
    q = q.where((eb) =>
      eb.or([
        lowerLike(sql.ref('d.filename'), text, 'contains'),
        lowerLike(sql.ref('o.number'), text, 'contains'),
        lowerLike(sql.ref('o.customer_ref'), text, 'contains'),
        lowerLike(numberOf, text, 'contains'),
        lowerLike(sql.ref('c.code'), text, 'prefix'),
        lowerLike(sql.ref('c.name'), text, 'contains'),
      ]),
    );
  return q
    .orderBy('d.createdAt', 'desc')
    .orderBy('d.id', 'desc')
    .limit(s.limit + 1)
    .execute();
}
