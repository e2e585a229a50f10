import type { ExpressionBuilder, StringReference } from 'kysely';
import type { TimelineKind } from '../../../core/customers/timeline.ts';
import type { TimelineEntry } from '../../../core/customers/timeline.schemas.ts';
import type { Database, DbOrTrx } from '../../db/database.ts';

/** Where a source continues (core's sourceBound): rows before `at`, and at `at` those with an id below `idBelow`. */
export type Bound = { at: string; idBelow: number };

/**
 * One source of the story: its newest `limit` entries of the customer's below the bound, newest first by (time, id).
 * Each source reads one kind, with an index leading on the customer (or his orders) and its time column.
 */
export type TimelineSource = {
  kind: TimelineKind;
  read(db: DbOrTrx, customerId: number, bound: Bound | null, limit: number): Promise<TimelineEntry[]>;
};

/** The keyset's condition on a source's time and id columns, or none on the first page. */
export function belowBound<TB extends keyof Database>(
  at: StringReference<Database, TB>,
  id: StringReference<Database, TB>,
  bound: Bound | null,
) {
  return (eb: ExpressionBuilder<Database, TB>) =>
    bound === null
      ? eb(eb.lit(1), '=', 1) // no boolean literal: SQLite binds none
      : eb.or([
          eb(eb.ref(at).$castTo<string>(), '<', bound.at),
          eb.and([eb(eb.ref(at).$castTo<string>(), '=', bound.at), eb(eb.ref(id).$castTo<number>(), '<', bound.idBelow)]),
        ]);
}
