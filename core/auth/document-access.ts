import { type Role, type SessionUser, STAFF } from './roles.ts';

/**
 * The record a stored file belongs to, as far as reading it goes, and the customer it concerns. A file belongs to
 * an order (its acknowledgement, delivery notes, ORDRSP / DESADV / INVOIC), to an EDI interchange as received (its
 * customer is the sending partner's, null when the sender is unknown), to a penalty notice (the contest letter) or
 * to a customer's stock report (the file she sent). `none`: no record points at it (a file whose record was never
 * written), which nobody reads.
 */
export type DocumentOwner =
  | { record: 'order' | 'penalty-notice' | 'customer-stock-report' | 'complaint'; customerId: number }
  | { record: 'edi-interchange'; customerId: number | null }
  /** A master-data or accounting file imported (server/imports): the company's, no customer's. */
  | { record: 'import'; customerId: null }
  | { record: 'intake'; customerId: null }
  | { record: 'none' };

/** Which staff may read each kind of record: the roles of the routes that show that record. */
export const DOCUMENT_READERS: Record<Exclude<DocumentOwner['record'], 'none'>, readonly Role[]> = {
  /** GET /api/orders/{id} */
  order: STAFF,
  /** GET /api/edi/queue, GET /api/orders/{id}/edi */
  'edi-interchange': STAFF,
  /** GET /api/penalty-notices/{id} */
  'penalty-notice': STAFF,
  /** GET /api/customers/{id}/stock */
  'customer-stock-report': STAFF,
  /** GET /api/complaints/{id}: a credit note of a complaint that names no order */
  complaint: STAFF,
  /** POST /api/imports/{kind}: who imports reads what was imported */
  import: ['manager', 'admin'],
  /** GET /api/intake/{id}: an email or fax as received and its attachments (the sender is not sure yet: staff only) */
  intake: STAFF,
};

/**
 * Whether this user may download a file: the one rule every download goes through. Staff read the files of the
 * records their role may read; a buyer (the customer portal) only her own company's files, whatever the record.
 */
export function canReadDocument(user: Pick<SessionUser, 'role' | 'customerId'>, owner: DocumentOwner): boolean {
  if (owner.record === 'none') return false;
  if (user.role === 'buyer') return user.customerId !== null && owner.customerId === user.customerId;
  return DOCUMENT_READERS[owner.record].includes(user.role);
}
