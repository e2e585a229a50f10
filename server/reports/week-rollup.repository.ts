import { DELIVERY_SUM_KEYS as SUM_KEYS } from '../../core/reports/figures.ts';
import type { RollupDelta } from '../../core/reports/week-rollup.ts';
import type { DbOrTrx } from '../db/database.ts';
import { type Period, type SumsRow, sumsRow } from './reports.repository.ts';

// The week × customer roll-up (core/reports/week-rollup.ts): written with the facts, read by reports of whole weeks.

/** Rows per upsert: 22 values each, well under SQLite's 32,766 bound values. */
const CHUNK = 500;

/** Adds each delta to its row (creating it), then drops the rows left with no order. */
export async function applyRollupDeltas(db: DbOrTrx, deltas: readonly RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  for (let i = 0; i < deltas.length; i += CHUNK)
    await db
      .insertInto('reportWeekCustomers')
      .values(deltas.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['weekStart', 'customerId', 'assistantId'])
          .doUpdateSet((eb) =>
            Object.fromEntries(SUM_KEYS.map((k) => [k, eb(eb.ref(`reportWeekCustomers.${k}`), '+', eb.ref(`excluded.${k}`))])),
          ),
      )
      .execute();
  await db
    .deleteFrom('reportWeekCustomers')
    .where('weekStart', 'in', [...new Set(deltas.map((d) => d.weekStart))])
    .where('customerId', 'in', [...new Set(deltas.map((d) => d.customerId))])
    .where('orders', '=', 0)
    .execute();
}

/** The column a roll-up report groups by: the week (its Monday), the customer or the assistant (null: none). */
export type RollupColumn = 'weekStart' | 'customerId' | 'assistantId';

/** The order figures' sums per value of `column` over a period of whole weeks (her own when `assistantId`). */
export async function weekCustomerSums(db: DbOrTrx, period: Period, column: RollupColumn, assistantId: number | null): Promise<SumsRow[]> {
  let q = db
    .selectFrom('reportWeekCustomers')
    .where('weekStart', '>=', period.from)
    .where('weekStart', '<=', period.to)
    .select((eb) => [eb.ref(column).as('key'), ...SUM_KEYS.map((k) => eb.fn.sum<number>(k).as(k))])
    .groupBy(column);
  if (assistantId !== null) q = q.where('assistantId', '=', assistantId);
  return (await q.execute()).map((r) => sumsRow(r, column === 'assistantId' && Number(r.key) === 0 ? null : r.key));
}
