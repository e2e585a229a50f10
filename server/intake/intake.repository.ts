import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { IntakeCorrectionsTable, IntakeItemsTable } from './intake.table.ts';

export async function insertIntakeItem(trx: Trx, values: Insertable<IntakeItemsTable>): Promise<number> {
  return (await trx.insertInto('intakeItems').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The message already taken, by its message-id or by its place in the mailbox. */
export async function findTakenMessage(
  db: DbOrTrx,
  messageId: string,
  place: { mailbox: string; uidValidity: string | null; uid: number | null },
) {
  const byId = await db.selectFrom('intakeItems').select(['id', 'status']).where('messageId', '=', messageId).executeTakeFirst();
  if (byId || place.uid === null || place.uidValidity === null) return byId;
  return db
    .selectFrom('intakeItems')
    .select(['id', 'status'])
    .where('mailbox', '=', place.mailbox)
    .where('uidValidity', '=', place.uidValidity)
    .where('uid', '=', place.uid)
    .executeTakeFirst();
}

export async function findIntakeRow(db: DbOrTrx, id: number) {
  return db
    .selectFrom('intakeItems as i')
    .leftJoin('customers as c', 'c.id', 'i.customerId')
    .leftJoin('orders as o', 'o.id', 'i.orderId')
    .leftJoin('documents as d', 'd.id', 'i.documentId')
    .selectAll('i')
    .select([
      'c.name as customerName',
      'o.number as orderNumber',
      'o.status as orderStatus',
      'd.publicId as rawPublicId',
      'd.sha256 as rawSha256',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}
export type IntakeRow = NonNullable<Awaited<ReturnType<typeof findIntakeRow>>>;

export async function listIntakeRows(db: DbOrTrx, filter: { channel?: string; statuses?: readonly string[] }) {
  let q = db
    .selectFrom('intakeItems as i')
    .leftJoin('customers as c', 'c.id', 'i.customerId')
    .leftJoin('orders as o', 'o.id', 'i.orderId')
    .select([
      'i.id',
      'i.channel',
      'i.status',
      'i.fromAddress',
      'i.fromName',
      'i.subject',
      'i.receivedAt',
      'i.customerId',
      'c.name as customerName',
      'i.orderId',
      'o.number as orderNumber',
      'i.lineCount',
      'i.confidence',
    ]);
  if (filter.channel) q = q.where('i.channel', '=', filter.channel);
  if (filter.statuses) q = q.where('i.status', 'in', [...filter.statuses]);
  return q.orderBy('i.receivedAt').orderBy('i.id').limit(500).execute();
}

/** The messages stored raw and not read yet (a crash between the two leaves some), oldest first. */
export async function listUnreadIds(db: DbOrTrx, limit: number): Promise<{ id: number; documentId: number }[]> {
  return db.selectFrom('intakeItems').select(['id', 'documentId']).where('status', '=', 'received').orderBy('id').limit(limit).execute();
}

export async function updateIntakeItem(db: DbOrTrx, id: number, patch: Updateable<IntakeItemsTable>): Promise<void> {
  await db.updateTable('intakeItems').set(patch).where('id', '=', id).execute();
}

export async function findDocumentSha(db: DbOrTrx, documentId: number): Promise<string> {
  return (await db.selectFrom('documents').select('sha256').where('id', '=', documentId).executeTakeFirstOrThrow()).sha256;
}

/** Who may have sent it: every customer's email and phone, every contact's. */
export async function senderDirectory(db: DbOrTrx) {
  const [customers, contacts] = await Promise.all([
    db.selectFrom('customers').select(['id', 'name', 'email', 'phone']).execute(),
    db.selectFrom('contacts').select(['customerId', 'email', 'phone']).execute(),
  ]);
  return { customers, contacts };
}

export async function listIntakeProducts(db: DbOrTrx) {
  return db
    .selectFrom('products')
    .select([
      'id',
      'code',
      'gtin',
      'caseGtin',
      'name',
      'saleUnit',
      'netWeightG',
      'unitsPerCarton',
      'cartonsPerLayer',
      'layersPerPallet',
      'status',
    ])
    .execute();
}

/** How often each product was ordered, by this customer and by all: the name matching's tie-breaker. */
export async function productOrderCounts(db: DbOrTrx, customerId: number | null) {
  const all = await db
    .selectFrom('orderLines')
    .select(['productId', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('productId')
    .execute();
  const own = customerId
    ? await db
        .selectFrom('orderLines as l')
        .innerJoin('orders as o', 'o.id', 'l.orderId')
        .select(['l.productId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('o.customerId', '=', customerId)
        .groupBy('l.productId')
        .execute()
    : [];
  return { all, own };
}

export async function listCustomerCodeRows(db: DbOrTrx, customerId: number) {
  return db.selectFrom('customerProductCodes').select(['code', 'productId', 'unitFactor']).where('customerId', '=', customerId).execute();
}

export async function listCorrectionRows(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('intakeCorrections')
    .select(['kind', 'readKey', 'productId', 'unitFactor'])
    .where('customerId', '=', customerId)
    .orderBy('id', 'desc')
    .execute();
}

/** Remembers a correction: the same key again replaces what it meant. */
export async function saveCorrection(trx: Trx, values: Insertable<IntakeCorrectionsTable>): Promise<void> {
  await trx
    .deleteFrom('intakeCorrections')
    .where('customerId', '=', values.customerId)
    .where('kind', '=', values.kind)
    .where('readKey', '=', values.readKey)
    .execute();
  await trx.insertInto('intakeCorrections').values(values).execute();
}

/** EDI messages waiting for a person (the EDI queue's own rows), for "À saisir" to list and link to. */
export async function listWaitingEdiMessages(db: DbOrTrx) {
  return db
    .selectFrom('ediMessages as m')
    .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
    .leftJoin('customers as c', 'c.id', 'm.customerId')
    .leftJoin('orders as o', 'o.id', 'm.orderId')
    .select([
      'm.id',
      'm.status',
      'i.sender',
      'm.documentNumber',
      'm.createdAt',
      'm.customerId',
      'c.name as customerName',
      'm.orderId',
      'o.number as orderNumber',
    ])
    .where('m.status', '=', 'queued')
    .orderBy('m.createdAt')
    .limit(500)
    .execute();
}

/** Portal orders not confirmed yet: drafts that came in through the portal. */
export async function listWaitingPortalOrders(db: DbOrTrx) {
  return db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customerId')
    .select(['o.id', 'o.number', 'o.status', 'o.customerRef', 'o.createdAt', 'o.customerId', 'c.name as customerName'])
    .select((eb) =>
      eb
        .selectFrom('orderLines as l')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('l.orderId', '=', 'o.id')
        .as('lineCount'),
    )
    .where('o.channel', '=', 'portal')
    .where('o.status', '=', 'draft')
    .orderBy('o.createdAt')
    .limit(500)
    .execute();
}
