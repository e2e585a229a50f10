import type { Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { DocumentJobsTable } from './documents.table.ts';

/**
 * Queues a document inside the transaction of the change that calls for it, as the next version of its kind for the
 * order; returns the job's id and that version. The unique (order, kind, version) index refuses a second job of the
 * same version: two changes of one order never print the same number.
 */
export async function insertDocumentJob(
  trx: Trx,
  job: {
    kind: string;
    orderId: number;
    deliveryId?: number | null;
    replyTo?: { email: string; name: string | null };
    createdBy: number | null;
    at: string;
  },
): Promise<{ id: number; version: number }> {
  const last = await trx
    .selectFrom('documentJobs')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('orderId', '=', job.orderId)
    .where('kind', '=', job.kind)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  const row = await trx
    .insertInto('documentJobs')
    .values({
      kind: job.kind,
      orderId: job.orderId,
      deliveryId: job.deliveryId ?? null,
      replyToAddress: job.replyTo?.email ?? null,
      replyToName: job.replyTo?.name ?? null,
      version,
      status: 'pending',
      nextAttemptAt: job.at,
      createdBy: job.createdBy,
      createdAt: job.at,
      updatedAt: job.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, version };
}

/** Pending jobs whose time has come and that no worker holds, oldest first. */
/** The last version of an order's document of this kind called for (printed or not yet): 0 when none. */
export async function latestDocumentVersion(db: DbOrTrx, orderId: number, kind: string): Promise<number> {
  const row = await db
    .selectFrom('documentJobs')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('orderId', '=', orderId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function listDueDocumentJobIds(db: DbOrTrx, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('documentJobs')
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
 * Takes a due job until `until`: a conditional UPDATE, so of two workers (two app nodes) only one gets it. Returns
 * the job, or null when another worker took it first.
 */
export async function claimDocumentJob(db: DbOrTrx, id: number, now: string, until: string) {
  const result = await db
    .updateTable('documentJobs')
    .set({ claimedUntil: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now)]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return db.selectFrom('documentJobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
export type DocumentJob = NonNullable<Awaited<ReturnType<typeof claimDocumentJob>>>;

/**
 * Marks a job done with its document, inside the transaction that files it: only a job still pending is, so a
 * job finished meanwhile by another worker (whose claim had expired) makes this transaction roll back, and the
 * document exists once.
 */
export async function completeDocumentJob(trx: Trx, id: number, documentId: number, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('documentJobs')
    .set({ status: 'done', documentId, lastError: null, claimedUntil: null, updatedAt: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateDocumentJob(db: DbOrTrx, id: number, patch: Updateable<DocumentJobsTable>): Promise<void> {
  await db.updateTable('documentJobs').set(patch).where('id', '=', id).execute();
}

/** An order's documents not filed yet: being prepared, or given up with the error. */
export async function listUnfiledDocumentJobs(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('documentJobs')
    .select(['id', 'kind', 'version', 'status', 'attempts', 'lastError', 'nextAttemptAt', 'createdAt'])
    .where('orderId', '=', orderId)
    .where('status', '!=', 'done')
    .orderBy('id')
    .execute();
}

/** How many jobs wait: what a drain waits for, and what the metrics show. */
export async function countPendingDocumentJobs(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('documentJobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
