import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { lowerLike, searchTextLike } from '../db/search-pattern.ts';
import type { CallRhythmsTable, CallsTable } from './calls.table.ts';

export async function insertCall(db: DbOrTrx, values: Insertable<CallsTable>): Promise<number> {
  const row = await db.insertInto('calls').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type CallFilter = { customerId?: number; userId?: number; from?: string; to?: string; q?: string; id?: number };

/** The call log with who and what it is about, newest first. */
export function listCallRows(db: DbOrTrx, filter: CallFilter, limit = 200) {
  let q = db
    .selectFrom('calls')
    .innerJoin('customers', 'customers.id', 'calls.customerId')
    .innerJoin('users', 'users.id', 'calls.userId')
    .leftJoin('contacts', 'contacts.id', 'calls.contactId')
    .leftJoin('orders', 'orders.id', 'calls.orderId')
    .selectAll('calls')
    .select([
      'customers.code as customerCode',
      'customers.name as customerName',
      'users.name as userName',
      'contacts.name as contactName',
      'orders.number as orderNumber',
    ]);
  if (filter.id !== undefined) q = q.where('calls.id', '=', filter.id);
  if (filter.customerId !== undefined) q = q.where('calls.customerId', '=', filter.customerId);
  if (filter.userId !== undefined) q = q.where('calls.userId', '=', filter.userId);
  if (filter.from) q = q.where('calls.localDate', '>=', filter.from);
  if (filter.to) q = q.where('calls.localDate', '<=', filter.to);
  if (filter.q) {
    const text = filter.q;
    q = q.where((eb) =>
      eb.or([
        searchTextLike(eb.ref('customers.searchText'), text, 'contains'),
        lowerLike(eb.ref('calls.note'), text, 'contains'),
        lowerLike(eb.ref('contacts.name'), text, 'contains'),
      ]),
    );
  }
  return q.orderBy('calls.startedAt', 'desc').orderBy('calls.id', 'desc').limit(limit).execute();
}
export type CallRow = Awaited<ReturnType<typeof listCallRows>>[number];

/** The calls since a date (the day's rules read today's and the call-backs promised in the last days). */
export function callsSince(db: DbOrTrx, fromDate: string) {
  return db
    .selectFrom('calls')
    .select(['id', 'customerId', 'userId', 'localDate', 'localTime', 'endedAt', 'outcome', 'callBackAt', 'purpose'])
    .where('localDate', '>=', fromDate)
    .orderBy('id')
    .execute();
}

/** Calls since a date: their purpose, who made them and how long they took (what the estimates learn from). */
export function callDurationsSince(db: DbOrTrx, fromDate: string) {
  return db.selectFrom('calls').select(['userId', 'purpose', 'durationSeconds', 'direction']).where('localDate', '>=', fromDate).execute();
}

export function listRhythms(db: DbOrTrx) {
  return db
    .selectFrom('callRhythms')
    .innerJoin('customers', 'customers.id', 'callRhythms.customerId')
    .select([
      'callRhythms.customerId',
      'callRhythms.weekdays',
      'callRhythms.timeFrom',
      'callRhythms.timeTo',
      'callRhythms.purpose',
      'callRhythms.contactId',
    ])
    .orderBy('callRhythms.customerId')
    .execute();
}

export function findRhythm(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('callRhythms')
    .leftJoin('contacts', 'contacts.id', 'callRhythms.contactId')
    .selectAll('callRhythms')
    .select(['contacts.name as contactName', 'contacts.phone as contactPhone'])
    .where('callRhythms.customerId', '=', customerId)
    .executeTakeFirst();
}

export async function saveRhythm(db: DbOrTrx, values: CallRhythmsTable): Promise<void> {
  await db.deleteFrom('callRhythms').where('customerId', '=', values.customerId).execute();
  await db.insertInto('callRhythms').values(values).execute();
}

export async function deleteRhythm(db: DbOrTrx, customerId: number): Promise<void> {
  await db.deleteFrom('callRhythms').where('customerId', '=', customerId).execute();
}

/** Does the id name a row of that table belonging to the customer (orders, complaints, risks, contacts)? */
export async function belongsToCustomer(
  db: DbOrTrx,
  table: 'orders' | 'complaints' | 'risks' | 'contacts',
  id: number,
  customerId: number,
): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('customerId', '=', customerId).executeTakeFirst();
  return row !== undefined;
}
