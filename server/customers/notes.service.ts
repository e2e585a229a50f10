import type { Mood } from '../../core/complaints/complaint.ts';
import type { CustomerNote, CustomerNoteInput, CustomerNotePatch } from '../../core/customers/notes.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findCustomer } from './customers.repository.ts';
import { findNote, insertNote, listNotes, type NoteRow, updateNote } from './notes.repository.ts';

const toNote = (row: NoteRow): CustomerNote => ({ ...row, pinned: row.pinned === 1, mood: row.mood as Mood | null });

/** Pinned first, then the newest: enough for the story's panel; the timeline pages through the rest. */
export async function customerNotes(db: DbOrTrx, customerId: number): Promise<CustomerNote[]> {
  return (await listNotes(db, customerId, 50)).map(toNote);
}

export async function addNote(db: Db, customerId: number, input: CustomerNoteInput, userId: number, now: Date): Promise<CustomerNote> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await insertNote(trx, {
      customerId,
      authorId: userId,
      at,
      text: input.text.trim(),
      pinned: input.pinned ? 1 : 0,
      mood: input.mood ?? null,
      updatedAt: at,
    });
    const created = toNote((await findNote(trx, id))!);
    await recordAudit(trx, { entityType: 'customer_note', entityId: id, action: 'create', userId, after: created, at });
    return created;
  });
}

export async function changeNote(
  db: Db,
  customerId: number,
  noteId: number,
  patch: CustomerNotePatch,
  userId: number,
  now: Date,
): Promise<CustomerNote> {
  const before = await findNote(db, noteId);
  // Another customer's note is no note of this one's: the same answer as none at all.
  if (!before || before.customerId !== customerId) throw notFound('Customer note', noteId);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await updateNote(trx, noteId, {
      ...(patch.text === undefined ? {} : { text: patch.text.trim() }),
      ...(patch.pinned === undefined ? {} : { pinned: patch.pinned ? 1 : 0 }),
      updatedAt: at,
    });
    const after = toNote((await findNote(trx, noteId))!);
    await recordAudit(trx, { entityType: 'customer_note', entityId: noteId, action: 'update', userId, before: toNote(before), after, at });
    return after;
  });
}
