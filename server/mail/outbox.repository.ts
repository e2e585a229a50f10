import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { OutboxEmailsTable } from './mail.table.ts';

export async function insertOutboxEmail(trx: Trx, values: Insertable<OutboxEmailsTable>): Promise<number> {
  const row = await trx.insertInto('outboxEmails').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Pending emails whose time has come and that no sender holds, oldest first. */
export async function listDueEmailIds(db: DbOrTrx, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('outboxEmails')
    .select('id')
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now)]))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes a due email for one send, until `until`: a conditional UPDATE, so of two senders (two app nodes) only one
 * gets it. Returns the row, with its attachment's file, or null when someone else took it first.
 */
export async function claimEmail(db: DbOrTrx, id: number, now: string, until: string) {
  const result = await db
    .updateTable('outboxEmails')
    .set({ claimedUntil: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now)]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return db
    .selectFrom('outboxEmails')
    .leftJoin('documents', 'documents.id', 'outboxEmails.documentId')
    .selectAll('outboxEmails')
    .select(['documents.filename', 'documents.mimeType', 'documents.sha256'])
    .where('outboxEmails.id', '=', id)
    .executeTakeFirstOrThrow();
}
export type ClaimedEmail = NonNullable<Awaited<ReturnType<typeof claimEmail>>>;

export async function updateOutboxEmail(db: DbOrTrx, id: number, patch: Updateable<OutboxEmailsTable>): Promise<void> {
  await db.updateTable('outboxEmails').set(patch).where('id', '=', id).execute();
}

export async function listOrderEmailRows(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('outboxEmails')
    .leftJoin('documents', 'documents.id', 'outboxEmails.documentId')
    .select([
      'outboxEmails.id',
      'outboxEmails.kind',
      'documents.publicId as documentId',
      'outboxEmails.toAddress',
      'outboxEmails.toName',
      'outboxEmails.subject',
      'outboxEmails.status',
      'outboxEmails.attempts',
      'outboxEmails.lastError',
      'outboxEmails.nextAttemptAt',
      'outboxEmails.sentAt',
      'outboxEmails.createdAt',
    ])
    .where('outboxEmails.orderId', '=', orderId)
    .orderBy('outboxEmails.id')
    .execute();
}
