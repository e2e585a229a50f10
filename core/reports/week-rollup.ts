import { addDays, type IsoDate } from '../calendar/dates.ts';
import { addOrderFact, addSums, DELIVERY_SUM_KEYS, type DeliverySums, emptyDeliverySums, type OrderFact } from './figures.ts';

// The week × customer roll-up of the order figures: the sums of report_orders per ISO week, customer and assistant,
// kept in the delivery's transaction by the difference a re-recording makes (the facts it replaces out, the new ones
// in), so that a report of whole weeks reads about one row per customer and week instead of every order.

/** The Monday of the ISO week a date falls in. */
export function weekStartOf(date: IsoDate): IsoDate {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** A period of whole ISO weeks: from a Monday to a Sunday. */
export const wholeWeeks = (from: IsoDate, to: IsoDate): boolean =>
  weekStartOf(from) === from && weekStartOf(addDays(to, 1)) === addDays(to, 1);

/** `assistantId` 0: the customer had no assistant (a key column cannot be null on every engine). */
export type RollupKey = { weekStart: IsoDate; customerId: number; assistantId: number };
export type RollupDelta = RollupKey & DeliverySums;

function negate(s: DeliverySums): DeliverySums {
  const out = emptyDeliverySums();
  for (const k of DELIVERY_SUM_KEYS) out[k] = s[k] === 0 ? 0 : -s[k];
  return out;
}

/**
 * What the roll-up rows gain when `added` facts replace `removed` ones (the same orders recorded again, or new ones):
 * one delta per key touched, the keys in a fixed order so that concurrent writers take their row locks alike.
 */
export function rollupDeltas(removed: readonly OrderFact[], added: readonly OrderFact[]): RollupDelta[] {
  const deltas = new Map<string, RollupDelta>();
  const apply = (o: OrderFact, sign: 1 | -1) => {
    const key = { weekStart: weekStartOf(o.deliveredOn), customerId: o.customerId, assistantId: o.assistantId ?? 0 };
    const id = `${key.weekStart}|${String(key.customerId).padStart(12, '0')}|${String(key.assistantId).padStart(12, '0')}`;
    const one = addOrderFact(emptyDeliverySums(), o);
    const before = deltas.get(id);
    const sums = addSums(before ?? emptyDeliverySums(), sign === 1 ? one : negate(one));
    deltas.set(id, { ...sums, ...key });
  };
  for (const o of removed) apply(o, -1);
  for (const o of added) apply(o, 1);
  return [...deltas.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, d]) => d)
    .filter((d) => DELIVERY_SUM_KEYS.some((k) => d[k] !== 0));
}
