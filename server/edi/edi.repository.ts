import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import type { EdiInterchangesTable, EdiMessagesTable, EdiOutboundTable, EdiPartnersTable } from './edi.table.ts';

export type PartnerRow = Selectable<EdiPartnersTable>;
export type InterchangeRow = Selectable<EdiInterchangesTable>;
export type MessageRow = Selectable<EdiMessagesTable>;
export type OutboundRow = Selectable<EdiOutboundTable>;

export function listPartners(db: DbOrTrx) {
  return db.selectFrom('ediPartners').selectAll().orderBy('id').execute();
}
export function findPartner(db: DbOrTrx, id: number) {
  return db.selectFrom('ediPartners').selectAll().where('id', '=', id).executeTakeFirst();
}
export function findPartnerByGln(db: DbOrTrx, gln: string) {
  return db.selectFrom('ediPartners').selectAll().where('gln', '=', gln).executeTakeFirst();
}
export function findPartnerByCustomer(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('ediPartners')
    .selectAll()
    .where('customerId', '=', customerId)
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
}
export async function insertPartner(db: DbOrTrx, values: Insertable<EdiPartnersTable>): Promise<number> {
  return (await db.insertInto('ediPartners').values(values).returning('id').executeTakeFirstOrThrow()).id;
}
export async function setPartnerToken(db: DbOrTrx, id: number, tokenHash: string): Promise<void> {
  await db.updateTable('ediPartners').set({ tokenHash }).where('id', '=', id).execute();
}

export function findInterchange(db: DbOrTrx, sender: string, reference: string) {
  return db
    .selectFrom('ediInterchanges')
    .selectAll()
    .where('sender', '=', sender)
    .where('controlReference', '=', reference)
    .executeTakeFirst();
}
export function findInterchangeById(db: DbOrTrx, id: number) {
  return db.selectFrom('ediInterchanges').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Inserts unless the key is taken (another door got it first); returns the new id or null. */
export async function insertInterchange(db: DbOrTrx, values: Insertable<EdiInterchangesTable>): Promise<number | null> {
  const row = await db
    .insertInto('ediInterchanges')
    .values(values)
    .onConflict((oc) => oc.columns(['sender', 'controlReference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
/**
 * Takes the interchange's claim when nobody holds it, its lease ran out, or its holder is known gone (`stale`):
 * only while it is still being received. True when this run now holds it.
 */
export async function claimInterchange(
  db: DbOrTrx,
  id: number,
  claim: { by: string; until: string; now: string; stale: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('ediInterchanges')
    .set({ claimedBy: claim.by, claimedUntil: claim.until })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .where((eb) =>
      eb.or([eb('claimedBy', 'is', null), eb('claimedUntil', '<', claim.now), ...(claim.stale ? [eb('claimedBy', '=', claim.stale)] : [])]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
/** Extends the lease, inside a batch's transaction: false when another run took the interchange over meanwhile. */
export async function renewClaim(db: DbOrTrx, id: number, claim: { by: string; until: string }): Promise<boolean> {
  const result = await db
    .updateTable('ediInterchanges')
    .set({ claimedUntil: claim.until })
    .where('id', '=', id)
    .where('claimedBy', '=', claim.by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
/** Writes the interchange's outcome and lets go of its claim, if this run still holds it. */
export async function releaseInterchange(
  db: DbOrTrx,
  id: number,
  by: string,
  values: Partial<Omit<Selectable<EdiInterchangesTable>, 'id'>>,
): Promise<void> {
  await db
    .updateTable('ediInterchanges')
    .set({ ...values, claimedBy: null, claimedUntil: null })
    .where('id', '=', id)
    .where('claimedBy', '=', by)
    .execute();
}
export async function updateInterchange(
  db: DbOrTrx,
  id: number,
  values: Partial<Omit<Selectable<EdiInterchangesTable>, 'id'>>,
): Promise<void> {
  await db.updateTable('ediInterchanges').set(values).where('id', '=', id).execute();
}
export async function messageCounts(db: DbOrTrx, interchangeId: number) {
  return db
    .selectFrom('ediMessages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('interchangeId', '=', interchangeId)
    .groupBy('status')
    .execute();
}
export async function listMessageRefs(db: DbOrTrx, interchangeId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('ediMessages').select('messageReference').where('interchangeId', '=', interchangeId).execute();
  return new Set(rows.map((r) => r.messageReference));
}
export async function insertMessage(db: DbOrTrx, values: Insertable<EdiMessagesTable>): Promise<number> {
  return (await db.insertInto('ediMessages').values(values).returning('id').executeTakeFirstOrThrow()).id;
}
/** A batch's message rows, in as few statements as the bound-value limit allows. */
export async function insertMessages(db: DbOrTrx, rows: readonly Insertable<EdiMessagesTable>[]): Promise<void> {
  await insertRows(db, 'ediMessages', rows);
}
/** Orders taken in clean from this interchange, still drafts: the automatic confirmation a crash cut short. */
export async function listUnconfirmedOrders(db: DbOrTrx, interchangeId: number) {
  return db
    .selectFrom('ediMessages as m')
    .innerJoin('orders as o', 'o.id', 'm.orderId')
    .select(['m.id', 'm.messageReference', 'm.type', 'm.orderId', 'o.customerId', 'o.grossCents'])
    .where('m.interchangeId', '=', interchangeId)
    .where('m.status', '=', 'accepted')
    .where('o.status', '=', 'draft')
    .orderBy('m.id')
    .execute();
}
export function findMessage(db: DbOrTrx, id: number) {
  return db.selectFrom('ediMessages').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function updateMessage(db: DbOrTrx, id: number, values: Partial<Omit<Selectable<EdiMessagesTable>, 'id'>>): Promise<void> {
  await db.updateTable('ediMessages').set(values).where('id', '=', id).execute();
}
export async function updateMessageOf(
  db: DbOrTrx,
  interchangeId: number,
  messageReference: string,
  values: Partial<Omit<Selectable<EdiMessagesTable>, 'id'>>,
): Promise<void> {
  await db
    .updateTable('ediMessages')
    .set(values)
    .where('interchangeId', '=', interchangeId)
    .where('messageReference', '=', messageReference)
    .execute();
}
/** The messages waiting in the queue, oldest first; or, with `latest`, the last ones refused. */
export function listMessagesOfQueue(db: DbOrTrx, status: 'queued' | 'rejected', latest?: number) {
  const query = db
    .selectFrom('ediMessages as m')
    .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
    .leftJoin('customers as c', 'c.id', 'm.customerId')
    .leftJoin('orders as o', 'o.id', 'm.orderId')
    .leftJoin('documents as d', 'd.id', 'i.documentId')
    .selectAll('m')
    .select([
      'i.sender',
      'i.controlReference',
      'i.receivedAt',
      'i.partnerId',
      'd.publicId as documentId',
      'c.name as customerName',
      'c.code as customerCode',
      'o.number as orderNumber',
      'o.status as orderStatus',
    ])
    .where('m.status', '=', status);
  return (latest === undefined ? query.orderBy('m.id') : query.orderBy('m.id', 'desc').limit(latest)).execute();
}
export async function countQueued(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('ediMessages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
export function findOrderMessages(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('ediMessages as m')
    .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
    .leftJoin('documents as d', 'd.id', 'i.documentId')
    .select([
      'm.id',
      'm.messageReference',
      'm.type',
      'm.status',
      'm.documentNumber',
      'm.rawText',
      'm.createdAt',
      'i.controlReference',
      'i.sender',
      'd.publicId as documentId',
      'i.door',
      'i.partnerId',
    ])
    .where('m.orderId', '=', orderId)
    .orderBy('m.id')
    .execute();
}

export async function insertOutbound(db: DbOrTrx, values: Insertable<EdiOutboundTable>): Promise<number> {
  return (await db.insertInto('ediOutbound').values(values).returning('id').executeTakeFirstOrThrow()).id;
}
/** The number of the invoice sent for an order (its first INVOIC: credit notes, INVOIC 381, come after it). */
export async function findOrderInvoiceNumber(db: DbOrTrx, orderId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('ediOutbound')
    .select('documentNumber')
    .where('orderId', '=', orderId)
    .where('type', '=', 'INVOIC')
    .where('documentNumber', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.documentNumber ?? undefined;
}

/** An order's outbound messages, each with its document's public id. */
export function listOrderOutbound(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('ediOutbound as x')
    .leftJoin('documents as d', 'd.id', 'x.documentId')
    .select([
      'x.id',
      'x.type',
      'x.controlReference',
      'x.documentNumber',
      'x.status',
      'x.filename',
      'd.publicId as documentId',
      'x.error',
      'x.createdAt',
      'x.writtenAt',
    ])
    .where('x.orderId', '=', orderId)
    .orderBy('x.id')
    .execute();
}
export function listPendingOutbound(db: DbOrTrx) {
  return db
    .selectFrom('ediOutbound as x')
    .innerJoin('ediPartners as p', 'p.id', 'x.partnerId')
    .innerJoin('documents as d', 'd.id', 'x.documentId')
    .select(['x.id', 'x.filename', 'p.outboxFolder', 'd.sha256'])
    .where('x.status', '=', 'stored')
    .orderBy('x.id')
    .execute();
}
export async function markOutbound(
  db: DbOrTrx,
  id: number,
  values: { status: string; writtenAt?: string | null; error?: string | null },
): Promise<void> {
  await db.updateTable('ediOutbound').set(values).where('id', '=', id).execute();
}

// The master data an EDI run maps against (server/edi/lookups.ts).
export function listCustomersWithGln(db: DbOrTrx) {
  return db.selectFrom('customers').select(['id', 'code', 'gln']).where('gln', 'is not', null).execute();
}

export function listDeliveryPointsWithGln(db: DbOrTrx) {
  return db.selectFrom('deliveryPoints').select(['id', 'customerId', 'gln']).where('gln', 'is not', null).execute();
}

export function listProductKeys(db: DbOrTrx) {
  return db.selectFrom('products').select(['id', 'code', 'gtin', 'caseGtin', 'unitsPerCarton']).execute();
}

export function listCustomerProductCodes(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customerProductCodes').select(['code', 'productId', 'unitFactor']).where('customerId', '=', customerId).execute();
}

export function findCustomerForPartner(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customers').select(['id', 'code', 'name', 'gln']).where('id', '=', customerId).executeTakeFirst();
}

/** The rule findings of an order nobody overrode, shown beside the message's own issues. */
export function listOpenFindingsOfOrder(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('orderFindings')
    .selectAll()
    .where('orderId', '=', orderId)
    .where('severity', '!=', 'info')
    .where('overriddenBy', 'is', null)
    .orderBy('id')
    .execute();
}

export function listDeliveryPointChoices(db: DbOrTrx, customerId: number) {
  return db.selectFrom('deliveryPoints').select(['id', 'code', 'name', 'gln']).where('customerId', '=', customerId).orderBy('id').execute();
}

export function findOrderLineByNo(db: DbOrTrx, orderId: number, lineNo: number) {
  return db
    .selectFrom('orderLines')
    .select(['id', 'expectedUnitPriceCents'])
    .where('orderId', '=', orderId)
    .where('lineNo', '=', lineNo)
    .executeTakeFirst();
}

export function listQueuedMessagesOfOrder(db: DbOrTrx, orderId: number) {
  return db.selectFrom('ediMessages').select('id').where('orderId', '=', orderId).where('status', '=', 'queued').execute();
}

/** The partner of an EDI order's customer. */
export function findPartnerOfEdiOrderCustomer(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('orders')
    .innerJoin('ediPartners as p', 'p.customerId', 'orders.customerId')
    .selectAll('p')
    .where('orders.id', '=', orderId)
    .where('orders.channel', '=', 'edi')
    .orderBy('p.id')
    .executeTakeFirst();
}

/** The partner whose interchange carried the order's ORDERS message. */
export function findPartnerOfOrderMessage(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('ediMessages as m')
    .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
    .innerJoin('ediPartners as p', 'p.id', 'i.partnerId')
    .selectAll('p')
    .where('m.orderId', '=', orderId)
    .where('m.type', '=', 'ORDERS')
    .orderBy('m.id')
    .executeTakeFirst();
}

export function findOrdersMessageText(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('ediMessages')
    .select(['rawText', 'firstSegment'])
    .where('orderId', '=', orderId)
    .where('type', '=', 'ORDERS')
    .orderBy('id')
    .executeTakeFirst();
}

/** The GLNs an answer names: the order's delivery point, its customer (and the customer's VAT number). */
export async function findOrderParties(db: DbOrTrx, orderId: number) {
  const [point, customer] = await Promise.all([
    db
      .selectFrom('orders')
      .innerJoin('deliveryPoints as d', 'd.id', 'orders.deliveryPointId')
      .select(['d.gln'])
      .where('orders.id', '=', orderId)
      .executeTakeFirst(),
    db
      .selectFrom('orders')
      .innerJoin('customers as c', 'c.id', 'orders.customerId')
      .select(['c.gln', 'c.vatNumber'])
      .where('orders.id', '=', orderId)
      .executeTakeFirst(),
  ]);
  return { point, customer };
}

export function listProductGtins(db: DbOrTrx, ids: readonly number[]) {
  return db
    .selectFrom('products')
    .select(['id', 'gtin', 'caseGtin'])
    .where('id', 'in', [...ids, -1])
    .execute();
}

/** Claims a stored interchange for writing to the outbox folder: false when another flush took it first. */
export async function claimOutbound(db: DbOrTrx, id: number): Promise<boolean> {
  const claimed = await db
    .updateTable('ediOutbound')
    .set({ status: 'writing' })
    .where('id', '=', id)
    .where('status', '=', 'stored')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}

/**
 * Runs `work` while this session holds the given advisory lock (PostgreSQL); null, without running it, when another
 * node holds the lock.
 */
export async function withSessionLock<T>(db: Db, key: number, work: () => Promise<T>): Promise<T | null> {
  return db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return null;
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

export function findSystemUser(db: DbOrTrx, email: string) {
  return db.selectFrom('users').select('id').where('email', '=', email).where('role', '=', 'system').executeTakeFirst();
}

export function listDeliveryPointsForReports(db: DbOrTrx, customerId: number) {
  return db.selectFrom('deliveryPoints').select(['id', 'gln', 'isDefault']).where('customerId', '=', customerId).orderBy('id').execute();
}

export function findOrderGross(db: DbOrTrx, orderId: number) {
  return db.selectFrom('orders').select('grossCents').where('id', '=', orderId).executeTakeFirstOrThrow();
}
