import { masterDataStamp } from '../audit/master-data.repository.ts';
import type { DbOrTrx } from '../db/database.ts';

/** Beyond this many entries the cache starts again empty: a bound on memory, whatever the number of customers. */
const MAX_ENTRIES = 5_000;

/**
 * What a node keeps of the master data the rules read (a customer's terms, assortment and prices, its price list's
 * tiers, the promotions of a window of dates…), valid as long as the master-data stamp has not moved
 * (server/audit/master-data.repository.ts: a counter row every audited master-data change moves in its own transaction).
 * `revalidate` reads the stamp — one primary-key read — and drops everything when it moved, on this node or on
 * another one on the same database. Entries loaded under a stamp that moved while they were read are not kept, so
 * nothing older than the stamp it is filed under is ever served.
 *
 * One mechanism for the desk and the EDI intake: the screen's create and confirm go through `masterDataCacheOf(db)`
 * (one per database per process), an EDI run's OrderContexts checks the same stamp before each batch.
 */
export class MasterDataCache {
  private stamp: number | null = null;
  private entries = new Map<string, Promise<unknown>>();

  /** True when the master data changed since the last check (and what was kept is dropped). */
  async revalidate(db: DbOrTrx): Promise<boolean> {
    const stamp = await masterDataStamp(db);
    if (stamp === this.stamp) return false;
    const changed = this.stamp !== null;
    this.stamp = stamp;
    this.entries.clear();
    return changed;
  }

  /** The entry `key`, read by `load` once per stamp. Call after `revalidate` in the same use case. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const stamp = this.stamp;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const loading = load();
    this.entries.set(key, loading);
    loading.then(
      () => {
        // Read while the stamp moved: maybe older than the new stamp, so not kept for it.
        if (this.stamp !== stamp && this.entries.get(key) === loading) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === loading) this.entries.delete(key);
      },
    );
    return loading;
  }
}

// One cache per database, as the file store is bound (two databases open in one process, the tests, keep apart).
const caches = new WeakMap<object, MasterDataCache>();

/** The process's cache of this database's master data, checked against the stamp before it answers. */
export async function masterDataCacheOf(db: DbOrTrx): Promise<MasterDataCache> {
  const adapter = db.getExecutor().adapter;
  let cache = caches.get(adapter);
  if (!cache) caches.set(adapter, (cache = new MasterDataCache()));
  await cache.revalidate(db);
  return cache;
}
