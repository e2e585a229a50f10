import { PostgresAdapter, sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.ts';

type Hit = { hits: number; resetsAt: string };

/**
 * Counts one hit for `key` in its window and answers the count and when the window ends: one upsert, so that two
 * nodes counting the same key at once both see their hit. A window that ended starts again at 1.
 *
 * Every write request counts a hit before its own transaction, so the count must not cost a disk flush of its own
 * (it was a quarter of a create + confirm). A counter lost in a power cut forgets a few seconds of hits, which harms
 * nothing: PostgreSQL commits it without waiting for the WAL flush (`synchronous_commit = off`, this transaction
 * only); SQLite commits it without syncing on the one connection held for the three statements (the next durable
 * commit syncs the log with it).
 */
export async function countHit(db: Db, key: string, nowIso: string, resetsAtIso: string): Promise<Hit> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return upsertHit(trx, key, nowIso, resetsAtIso);
    });
  }
  return db.connection().execute(async (connection) => {
    await sql`pragma synchronous = off`.execute(connection);
    try {
      return await upsertHit(connection, key, nowIso, resetsAtIso);
    } finally {
      await sql`pragma synchronous = full`.execute(connection);
    }
  });
}

function upsertHit(db: DbOrTrx, key: string, nowIso: string, resetsAtIso: string): Promise<Hit> {
  return db
    .insertInto('rateLimitHits')
    .values({ key, hits: 1, resetsAt: resetsAtIso })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_hits.resets_at <= ${nowIso} then 1 else rate_limit_hits.hits + 1 end`,
        resetsAt: sql<string>`case when rate_limit_hits.resets_at <= ${nowIso} then ${resetsAtIso} else rate_limit_hits.resets_at end`,
      }),
    )
    .returning(['hits', 'resetsAt'])
    .executeTakeFirstOrThrow();
}

/** Forgets the counters whose window ended before `beforeIso`. */
export async function forgetEndedWindows(db: DbOrTrx, beforeIso: string): Promise<void> {
  await db.deleteFrom('rateLimitHits').where('resetsAt', '<', beforeIso).execute();
}
