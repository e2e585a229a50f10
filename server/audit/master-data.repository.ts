import type { DbOrTrx } from '../db/database.ts';
import { nextCounter } from '../orders/counters.repository.ts';

/**
 * What the rules and the matching read and the desk edits, all audited: a change to any moves the master-data stamp,
 * which every cache of them (the EDI intake's contexts, the desk's rules context: server/orders/master-data-cache.ts)
 * checks before trusting what it keeps.
 */
// Entity types of the audit (AuditInput['entityType'], not imported: the audit repository imports this file).
export const MASTER_DATA: ReadonlySet<string> = new Set([
  'customer',
  'delivery_point',
  'product',
  'customer_product_code',
  'price_list',
  'price_list_order_tiers',
  'import',
  'terms_of_sale',
  'customer_terms',
  'customer_price',
  'promotion',
  'customer_assortment',
]);

const STAMP = 'master-data';

/**
 * Moves the stamp, in the transaction of the audited change (recordAudit calls it): one counter row (the named
 * sequences' table), so the new stamp commits with the change, or not at all. On PostgreSQL the row lock makes concurrent master-data changes queue
 * there, which they can afford (they are the desk's edits and imports, not its orders).
 */
export async function bumpMasterDataStamp(db: DbOrTrx): Promise<void> {
  await nextCounter(db, STAMP);
}

/** The stamp now: one primary-key read, what a node pays per use of its caches to stay exact beside other nodes. */
export async function masterDataStamp(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', STAMP).executeTakeFirst();
  return Number(row?.value ?? 0);
}
