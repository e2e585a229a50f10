import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';

/**
 * Counts one hit for `key` in its window and answers the count and when the window ends: one upsert, so that two
 * nodes counting the same key at once both see their hit. A window that ended starts again at 1.
 */
export async function countHit(db: DbOrTrx, key: string, nowIso: string, resetsAtIso: string): Promise<{ hits: number; resetsAt: string }> {
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
