import type { DbOrTrx } from '../db/database.ts';

/**
 * The next value of a named sequence (order numbers, delivery notes). Runs inside the caller's transaction:
 * the UPDATE locks the row on PostgreSQL, so two app nodes never hand out the same number. With `count`, reserves
 * that many values at once (a batch of orders) and returns the last of them.
 */
export async function nextCounter(db: DbOrTrx, name: string, count = 1): Promise<number> {
  const bump = () =>
    db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', count) }))
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirst();
  const row = await bump();
  if (row) return row.value;
  await db
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (await bump())!.value;
}
