import { type Expression, type ExpressionBuilder, type Insertable, type Selectable, sql } from 'kysely';
import { STAFF } from '../../core/auth/roles.ts';
import { hasEveryWord, searchTextLike } from '../db/search-pattern.ts';
import type { Database, DbOrTrx } from '../db/database.ts';
import type { ContactsTable, CustomersTable, DeliveryPointsTable } from './customers.table.ts';
import { PHONE_SEPARATORS, phoneSearchKey } from './phone.ts';

export type CustomerRow = Selectable<CustomersTable>;
export type DeliveryPointRow = Selectable<DeliveryPointsTable>;
export type CustomerValues = Omit<Insertable<CustomersTable>, 'id'>;
export type DeliveryPointValues = Omit<Insertable<DeliveryPointsTable>, 'id'>;
export type ContactValues = Omit<Insertable<ContactsTable>, 'id'>;
/** An update restates the searchable fields with their search text, so the text can never lag behind the name. */
export type CustomerChanges = Partial<CustomerValues> & Pick<CustomerValues, 'name' | 'code' | 'city' | 'searchText'>;
export type DeliveryPointChanges = Partial<DeliveryPointValues> & Pick<DeliveryPointValues, 'name' | 'code' | 'city' | 'searchText'>;

type Eb = ExpressionBuilder<Database, 'customers'>;

/** A stored phone number with the separators people type removed, so "02 61 91 40 01" contains "261914001". */
function bareDigits(column: Expression<unknown>) {
  return PHONE_SEPARATORS.reduce<Expression<unknown>>((expr, sep) => sql`replace(${expr}, ${sep}, '')`, sql`coalesce(${column}, '')`);
}

/** The account or one of its ship-tos carries this GLN exactly. */
function hasGln(eb: Eb, gln: string) {
  return eb.or([
    eb('customers.gln', '=', gln),
    eb.exists(
      eb.selectFrom('deliveryPoints as dp').select('dp.id').whereRef('dp.customerId', '=', 'customers.id').where('dp.gln', '=', gln),
    ),
  ]);
}

function matchesCustomer(q: string) {
  const phone = phoneSearchKey(q);
  return (eb: Eb) =>
    eb.or([
      // Name, code and city of the account, or of one of its ship-tos: every word, accents and case ignored.
      hasEveryWord(eb.ref('customers.searchText'), q),
      hasGln(eb, q),
      eb.exists(
        eb
          .selectFrom('deliveryPoints as dp')
          .select('dp.id')
          .whereRef('dp.customerId', '=', 'customers.id')
          .where((p) => hasEveryWord(p.ref('dp.searchText'), q)),
      ),
      ...(phone
        ? [
            sql<boolean>`${bareDigits(eb.ref('customers.phone'))} like ${`%${phone}%`}`,
            eb.exists(
              eb
                .selectFrom('contacts as ct')
                .select('ct.id')
                .whereRef('ct.customerId', '=', 'customers.id')
                .where(sql<boolean>`${bareDigits(sql.ref('ct.phone'))} like ${`%${phone}%`}`),
            ),
          ]
        : []),
    ]);
}

/** The code or GLN typed in full first, then names starting with the text, then every other match; by name within each. */
function rank(q: string) {
  return (eb: Eb) =>
    sql`case when lower(${eb.ref('customers.code')}) = ${q.toLowerCase()} or ${hasGln(eb, q)} then 0
      when ${searchTextLike(eb.ref('customers.searchText'), q, 'prefix')} then 1 else 2 end`;
}

export async function searchCustomers(db: DbOrTrx, filter: { q?: string; typology?: string; limit: number; offset: number }) {
  let base = db.selectFrom('customers');
  if (filter.typology) base = base.where('customers.typology', '=', filter.typology);
  const q = filter.q?.trim();
  if (q) base = base.where(matchesCustomer(q));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = base.selectAll('customers');
  if (q) rows = rows.orderBy(rank(q));
  const items = await rows.orderBy('customers.name').orderBy('customers.id').limit(filter.limit).offset(filter.offset).execute();
  return { rows: items, total: Number(n) };
}

export function findCustomer(db: DbOrTrx, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCustomerByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('customers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCustomer(db: DbOrTrx, values: CustomerValues): Promise<number> {
  const row = await db.insertInto('customers').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCustomer(db: DbOrTrx, id: number, values: CustomerChanges): Promise<void> {
  await db.updateTable('customers').set(values).where('id', '=', id).execute();
}

export async function isStaffUser(db: DbOrTrx, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('role', 'in', [...STAFF])
    .executeTakeFirst();
  return !!row;
}

export function listDeliveryPoints(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('deliveryPoints')
    .selectAll()
    .where('customerId', '=', customerId)
    .orderBy('isDefault', 'desc')
    .orderBy('code')
    .execute();
}

export function findDeliveryPoint(db: DbOrTrx, id: number) {
  return db.selectFrom('deliveryPoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDeliveryPointByCode(db: DbOrTrx, code: string) {
  return db.selectFrom('deliveryPoints').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertDeliveryPoint(db: DbOrTrx, values: DeliveryPointValues): Promise<number> {
  const row = await db.insertInto('deliveryPoints').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDeliveryPoint(db: DbOrTrx, id: number, values: DeliveryPointChanges): Promise<void> {
  await db.updateTable('deliveryPoints').set(values).where('id', '=', id).execute();
}

/** A customer has one default ship-to: making one the default clears the flag on the others. */
export async function clearOtherDefaults(db: DbOrTrx, customerId: number, keepId: number): Promise<void> {
  await db.updateTable('deliveryPoints').set({ isDefault: 0 }).where('customerId', '=', customerId).where('id', '!=', keepId).execute();
}

export function listContacts(db: DbOrTrx, customerId: number) {
  return db.selectFrom('contacts').selectAll().where('customerId', '=', customerId).orderBy('name').orderBy('id').execute();
}

export function findContact(db: DbOrTrx, id: number) {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContact(db: DbOrTrx, values: ContactValues): Promise<number> {
  const row = await db.insertInto('contacts').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContact(db: DbOrTrx, id: number, values: Partial<ContactValues>): Promise<void> {
  await db.updateTable('contacts').set(values).where('id', '=', id).execute();
}

export async function deleteContact(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** code → id of every account and ship-to: an import resolves its rows against them without one query per row. */
export async function customerKeys(db: DbOrTrx) {
  const [customers, points] = await Promise.all([
    db.selectFrom('customers').select(['id', 'code']).execute(),
    db.selectFrom('deliveryPoints').select(['id', 'code', 'customerId']).execute(),
  ]);
  return { idByCode: new Map(customers.map((c) => [c.code, c.id])), pointByCode: new Map(points.map((p) => [p.code, p])) };
}

/** The accounts and delivery points holding these GLNs (all of them when no list is given), with their customers. */
export async function listGlnHolderRows(db: DbOrTrx, glns?: readonly string[]) {
  if (glns?.length === 0) return [];
  let q = db
    .selectFrom('glnHolders as h')
    .innerJoin('customers as c', 'c.id', 'h.customerId')
    .leftJoin('deliveryPoints as dp', 'dp.id', 'h.deliveryPointId')
    .select([
      'h.gln',
      'h.customerId',
      'h.deliveryPointId',
      'c.code as customerCode',
      'c.name as customerName',
      'dp.code as deliveryPointCode',
      'dp.name as deliveryPointName',
    ]);
  if (glns) q = q.where('h.gln', 'in', [...glns]);
  return q.execute();
}

/** The EDI partners sending as these GLNs (all of them when no list is given), with their customers. */
export async function listGlnPartnerRows(db: DbOrTrx, glns?: readonly string[]) {
  if (glns?.length === 0) return [];
  let q = db
    .selectFrom('ediPartners as p')
    .innerJoin('customers as c', 'c.id', 'p.customerId')
    .select(['p.gln', 'p.id as partnerId', 'p.name as partnerName', 'p.customerId', 'c.code as customerCode', 'c.name as customerName']);
  if (glns) q = q.where('p.gln', 'in', [...glns]);
  return q.execute();
}

/** How a customer is reached at its head office. */
export function findCustomerReach(db: DbOrTrx, id: number) {
  return db
    .selectFrom('customers')
    .select(['email', 'phone', 'paymentTerms', 'preferredChannel'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A customer's contacts in the order they were entered: the first order contact is the one written to. */
export function listContactsById(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('contacts')
    .select(['id', 'name', 'role', 'phone', 'email', 'preferredHours'])
    .where('customerId', '=', customerId)
    .orderBy('id')
    .execute();
}
