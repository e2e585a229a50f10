import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { ForceMajeurePeriodsTable, PenaltyClausesTable, PenaltyNoticesTable } from './penalties.table.ts';

export async function findClauseRow(db: DbOrTrx, customerId: number) {
  return db.selectFrom('penaltyClauses').selectAll().where('customerId', '=', customerId).executeTakeFirst();
}
export type ClauseRow = NonNullable<Awaited<ReturnType<typeof findClauseRow>>>;

export async function upsertClause(trx: Trx, values: Insertable<PenaltyClausesTable>): Promise<void> {
  const { customerId: _c, ...patch } = values;
  await trx
    .insertInto('penaltyClauses')
    .values(values)
    .onConflict((oc) => oc.column('customerId').doUpdateSet(patch))
    .execute();
}

export async function findCustomerForPenalty(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'typology', 'street', 'postcode', 'city', 'country', 'email'])
    .where('id', '=', customerId)
    .executeTakeFirst();
}

export async function listForceMajeureRows(db: DbOrTrx) {
  return db.selectFrom('forceMajeurePeriods').selectAll().orderBy('dateFrom', 'desc').orderBy('id').execute();
}

export async function insertForceMajeure(trx: Trx, values: Insertable<ForceMajeurePeriodsTable>): Promise<number> {
  return (await trx.insertInto('forceMajeurePeriods').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findForceMajeureRow(db: DbOrTrx, id: number) {
  return db.selectFrom('forceMajeurePeriods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateForceMajeure(trx: Trx, id: number, values: Updateable<ForceMajeurePeriodsTable>): Promise<void> {
  await trx.updateTable('forceMajeurePeriods').set(values).where('id', '=', id).execute();
}

/** The order lines with what a penalty needs of each: price, quantities, the product's penalty category. */
export async function listPenaltyLineRows(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('orderLines')
    .innerJoin('products', 'products.id', 'orderLines.productId')
    .select([
      'orderLines.id',
      'orderLines.quantity',
      'orderLines.unitPriceCents',
      'orderLines.status',
      'products.code as productCode',
      'products.penaltyCategory',
    ])
    .where('orderLines.orderId', '=', orderId)
    .orderBy('orderLines.lineNo')
    .execute();
}

export async function findDeliveryForPenalty(db: DbOrTrx, deliveryId: number) {
  return db
    .selectFrom('deliveries')
    .innerJoin('orders', 'orders.id', 'deliveries.orderId')
    .select([
      'deliveries.id',
      'deliveries.number',
      'deliveries.orderId',
      'deliveries.status',
      'deliveries.plannedDate',
      'deliveries.deliveredAt',
      'orders.customerId',
      'orders.promisedDate',
      'orders.requestedDate',
      'orders.number as orderNumber',
    ])
    .where('deliveries.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function listDeliveryQuantities(db: DbOrTrx, deliveryId: number) {
  return db
    .selectFrom('deliveryLines')
    .select(['orderLineId', 'quantity', 'deliveredQuantity'])
    .where('deliveryId', '=', deliveryId)
    .execute();
}

export async function findOrderForPenalty(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'customerId', 'customerRef', 'promisedDate', 'requestedDate', 'status'])
    .where('id', '=', orderId)
    .executeTakeFirst();
}

export async function findDeliveryOrderId(db: DbOrTrx, deliveryId: number) {
  return db.selectFrom('deliveries').select(['id', 'orderId']).where('id', '=', deliveryId).executeTakeFirst();
}

const NOTICE_COLUMNS = [
  'customers.name as customerName',
  'customers.code as customerCode',
  'customers.typology',
  'orders.number as orderNumber',
  'deliveries.number as deliveryNumber',
] as const;

function noticeQuery(db: DbOrTrx) {
  return db
    .selectFrom('penaltyNotices')
    .innerJoin('customers', 'customers.id', 'penaltyNotices.customerId')
    .leftJoin('orders', 'orders.id', 'penaltyNotices.orderId')
    .leftJoin('deliveries', 'deliveries.id', 'penaltyNotices.deliveryId')
    .leftJoin('documents as letter', 'letter.id', 'penaltyNotices.letterDocumentId')
    .selectAll('penaltyNotices')
    .select([...NOTICE_COLUMNS, 'letter.publicId as letterPublicId']);
}

export async function findNoticeRow(db: DbOrTrx, id: number) {
  return noticeQuery(db).where('penaltyNotices.id', '=', id).executeTakeFirst();
}
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNoticeRow>>>;

export type NoticeFilters = { status?: string; customerId?: number; orderId?: number };

export async function listNoticeRows(db: DbOrTrx, f: NoticeFilters): Promise<NoticeRow[]> {
  let q = noticeQuery(db);
  if (f.status) q = q.where('penaltyNotices.status', '=', f.status);
  if (f.customerId !== undefined) q = q.where('penaltyNotices.customerId', '=', f.customerId);
  if (f.orderId !== undefined) q = q.where('penaltyNotices.orderId', '=', f.orderId);
  return q.orderBy('penaltyNotices.receivedDate', 'desc').orderBy('penaltyNotices.id', 'desc').execute();
}

export async function isNoticeReferenceTaken(db: DbOrTrx, customerId: number, reference: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('penaltyNotices')
      .select('id')
      .where('customerId', '=', customerId)
      .where('reference', '=', reference)
      .executeTakeFirst(),
  );
}

export async function insertNotice(trx: Trx, values: Insertable<PenaltyNoticesTable>): Promise<number> {
  return (await trx.insertInto('penaltyNotices').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Moves the status only if it is still the one read: of two concurrent contests, the second finds nothing to update. */
export async function updateNoticeFrom(
  trx: Trx,
  id: number,
  from: readonly string[],
  patch: Updateable<PenaltyNoticesTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable('penaltyNotices')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether each customer's clause falls under the L441-6 regime (its rates capped by the law). */
export function listL441Flags(db: DbOrTrx, customerIds: readonly number[]) {
  return db
    .selectFrom('penaltyClauses')
    .select(['customerId', 'l441Applicable'])
    .where('customerId', 'in', [...new Set(customerIds), -1])
    .execute();
}
