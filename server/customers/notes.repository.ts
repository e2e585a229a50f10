import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { CustomerNotesTable } from './customers.table.ts';

const noteColumns = [
  'customerNotes.id',
  'customerNotes.customerId',
  'customerNotes.text',
  'customerNotes.pinned',
  'customerNotes.mood',
  'customerNotes.at',
  'customerNotes.updatedAt',
  'users.name as authorName',
] as const;

export type NoteRow = Awaited<ReturnType<typeof findNote>> & {};

export function findNote(db: DbOrTrx, id: number) {
  return db
    .selectFrom('customerNotes')
    .leftJoin('users', 'users.id', 'customerNotes.authorId')
    .select(noteColumns)
    .where('customerNotes.id', '=', id)
    .executeTakeFirst();
}

/** The customer's notes, pinned first then newest: what the story's notes panel shows (a handful per customer). */
export function listNotes(db: DbOrTrx, customerId: number, limit: number) {
  return db
    .selectFrom('customerNotes')
    .leftJoin('users', 'users.id', 'customerNotes.authorId')
    .select(noteColumns)
    .where('customerNotes.customerId', '=', customerId)
    .orderBy('customerNotes.pinned', 'desc')
    .orderBy('customerNotes.at', 'desc')
    .orderBy('customerNotes.id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertNote(db: DbOrTrx, values: Insertable<CustomerNotesTable>): Promise<number> {
  const row = await db.insertInto('customerNotes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNote(db: DbOrTrx, id: number, values: Updateable<CustomerNotesTable>): Promise<void> {
  await db.updateTable('customerNotes').set(values).where('id', '=', id).execute();
}

/** The last mood a note recorded, with when: the story compares it with the complaints'. */
export function latestNoteMood(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('customerNotes')
    .select(['mood', 'at'])
    .where('customerId', '=', customerId)
    .where('mood', 'is not', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
