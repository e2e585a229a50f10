import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { ControlDecisionsTable } from './controls.table.ts';

/** The statuses whose documents can be compared: the goods have arrived. */
export const CONTROLLED_STATUSES = ['delivered', 'closed'] as const;

/** Delivered orders, newest first, with their customer. */
export function listDeliveredOrders(db: DbOrTrx, filter: { customerId?: number; orderId?: number; limit: number }) {
  let q = db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customerId')
    .select(['o.id', 'o.number', 'o.customerRef', 'o.status', 'c.id as customerId', 'c.code as customerCode', 'c.name as customerName'])
    .where('o.status', 'in', [...CONTROLLED_STATUSES]);
  if (filter.customerId !== undefined) q = q.where('o.customerId', '=', filter.customerId);
  if (filter.orderId !== undefined) q = q.where('o.id', '=', filter.orderId);
  return q.orderBy('o.id', 'desc').limit(filter.limit).execute();
}

export function listOrderLines(db: DbOrTrx, orderIds: readonly number[]) {
  if (!orderIds.length) return Promise.resolve([]);
  return db
    .selectFrom('orderLines as l')
    .innerJoin('products as p', 'p.id', 'l.productId')
    .select([
      'l.id',
      'l.orderId',
      'l.productId',
      'p.code as productCode',
      'p.name as productName',
      'l.quantity',
      'l.unitPriceCents',
      'l.netCents',
      'l.vatRateBp',
      'l.deliveredQuantity',
      'l.status',
    ])
    .where('l.orderId', 'in', [...orderIds])
    .orderBy('l.lineNo')
    .execute();
}

/** What left on each delivery note, and what the delivery report says arrived. */
export function listDeliveryLines(db: DbOrTrx, orderIds: readonly number[]) {
  if (!orderIds.length) return Promise.resolve([]);
  return db
    .selectFrom('deliveryLines as dl')
    .innerJoin('deliveries as d', 'd.id', 'dl.deliveryId')
    .leftJoin('documents as doc', 'doc.id', 'd.documentId')
    .select([
      'd.orderId',
      'd.id as deliveryId',
      'd.deliveryNoteNumber',
      'd.shippedAt',
      'd.deliveredAt',
      'doc.publicId as documentId',
      'dl.orderLineId',
      'dl.productId',
      'dl.quantity',
      'dl.deliveredQuantity',
    ])
    .where('d.orderId', 'in', [...orderIds])
    .where('d.shippedAt', 'is not', null)
    .orderBy('d.id')
    .execute();
}

/** The order's invoices and receiving advices as filed (kind `edi-invoic`, `edi-recadv`), oldest first. */
export function listControlFiles(db: DbOrTrx, orderIds: readonly number[]) {
  if (!orderIds.length) return Promise.resolve([]);
  return db
    .selectFrom('documents')
    .select(['id as rowId', 'publicId', 'orderId', 'kind', 'filename', 'sha256', 'createdAt'])
    .where('orderId', 'in', [...orderIds])
    .where('kind', 'in', ['edi-invoic', 'edi-recadv'])
    .orderBy('id')
    .execute();
}

/** Our products by code and by every GTIN they carry: how an EDI line names one. */
export async function productKeysForEdi(db: DbOrTrx) {
  const rows = await db.selectFrom('products').select(['id', 'code', 'gtin', 'caseGtin']).execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const byGtin = new Map<string, number>();
  for (const r of rows) for (const g of [r.gtin, r.caseGtin]) if (g) byGtin.set(g, r.id);
  return { byCode, byGtin };
}

export function listDecisions(db: DbOrTrx, orderIds: readonly number[]) {
  if (!orderIds.length) return Promise.resolve([]);
  return db
    .selectFrom('controlDecisions as cd')
    .leftJoin('users as u', 'u.id', 'cd.decidedBy')
    .leftJoin('complaints as c', 'c.id', 'cd.complaintId')
    .leftJoin('documents as doc', 'doc.id', 'cd.documentId')
    .select([
      'cd.orderId',
      'cd.discrepancyKey',
      'cd.action',
      'cd.complaintId',
      'c.number as complaintNumber',
      'doc.publicId as documentId',
      'cd.documentNumber',
      'cd.note',
      'u.name as decidedByName',
      'cd.decidedAt',
    ])
    .where('cd.orderId', 'in', [...orderIds])
    .execute();
}

/** Whether a discrepancy was decided: after a failed decision, tells a concurrent one from a real failure. */
export function findDecision(db: DbOrTrx, orderId: number, discrepancyKey: string) {
  return db
    .selectFrom('controlDecisions')
    .select('action')
    .where('orderId', '=', orderId)
    .where('discrepancyKey', '=', discrepancyKey)
    .executeTakeFirst();
}

export async function insertDecision(db: DbOrTrx, values: Insertable<ControlDecisionsTable>): Promise<void> {
  await db.insertInto('controlDecisions').values(values).execute();
}

/** The correcting document a decision issued, once printed (its row is written first: see decideDiscrepancy). */
export async function setDecisionDocument(
  db: DbOrTrx,
  orderId: number,
  discrepancyKey: string,
  issued: { documentId: number; number: string },
) {
  await db
    .updateTable('controlDecisions')
    .set({ documentId: issued.documentId, documentNumber: issued.number })
    .where('orderId', '=', orderId)
    .where('discrepancyKey', '=', discrepancyKey)
    .execute();
}

/** The order a receiving advice answers: by our delivery note number (RFF+AAK), else by the order's number or the customer's PO. */
export async function findOrderForReceipt(db: DbOrTrx, ref: { despatchNumber: string | null; orderNumber: string | null }) {
  if (ref.despatchNumber) {
    const delivery = await db
      .selectFrom('deliveries')
      .select('orderId')
      .where('deliveryNoteNumber', '=', ref.despatchNumber)
      .executeTakeFirst();
    if (delivery)
      return db.selectFrom('orders').select(['id', 'number', 'status', 'customerId']).where('id', '=', delivery.orderId).executeTakeFirst();
  }
  if (!ref.orderNumber) return undefined;
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'customerId'])
    .where((eb) => eb.or([eb('number', '=', ref.orderNumber!), eb('customerRef', '=', ref.orderNumber!)]))
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The receipt already filed on the order under this name (the same receipt sent again). */
export function findReceiptFile(db: DbOrTrx, orderId: number, filename: string) {
  return db
    .selectFrom('documents')
    .select('id')
    .where('orderId', '=', orderId)
    .where('kind', '=', 'edi-recadv')
    .where('filename', '=', filename)
    .executeTakeFirst();
}
