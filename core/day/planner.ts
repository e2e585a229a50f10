import type { Bilingual } from '../shared/bilingual.ts';
import { type ClockTime, clockTime, type Interval, minutesOfDay } from './clock-time.ts';
import type { DayItemKind, EstimateSource } from './day-item.ts';
import { minutesFrom } from './working-day.ts';

/** A piece of work for the day, as the desk's queues and the call log give it, its minutes already estimated. */
export type DayCandidate = {
  kind: DayItemKind;
  ref: string;
  customerId: number | null;
  title: Bilingual;
  reason: Bilingual;
  /** 1 most urgent … 5. */
  priority: number;
  /** A set time (a call at 10:00): the item is placed at it, whatever its priority. */
  at: ClockTime | null;
  /** Among the same priority, the sooner deadline first (a date or a Paris date-time: compared as text). */
  dueAt: string | null;
  /** Among the same priority and deadline, what is at stake first (an order's value, a penalty's amount). */
  stakeCents: number;
  /** At least one minute: an estimate is never less (`medianMinutes`, `DEFAULT_MINUTES`). */
  estimatedMinutes: number;
  estimateSource: EstimateSource;
  /** It may be left for another working day (its deadline is not today). */
  canWait: boolean;
  /** A colleague may do it (a call to one of her customers, an EDI fix); a matter she holds alone may not. */
  canHandOver: boolean;
};

export type PlannedItem = DayCandidate & {
  startsAt: ClockTime;
  endsAt: ClockTime;
  /** Done within her working time. */
  fits: boolean;
};

export type Proposal = { ref: string; action: 'move' | 'hand-over'; minutes: number };

export type DayPlan = {
  capacityMinutes: number;
  plannedMinutes: number;
  overMinutes: number;
  items: PlannedItem[];
  /** When the day does not fit: what to move to another day or hand over, least urgent first, until it fits. */
  proposals: Proposal[];
};

/** The order of the flexible work: priority, then the sooner deadline, then the larger stake, then the reference. */
export function compareUrgency(a: DayCandidate, b: DayCandidate): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt < b.dueAt ? -1 : 1;
  if (a.stakeCents !== b.stakeCents) return b.stakeCents - a.stakeCents;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/**
 * Plans the day: calls with a set time are placed at their time; the rest, most urgent first, fills the working time
 * from `from` on around them (an item may be interrupted by a call and continue after it). The total is held against
 * the working minutes left: what goes beyond (or a call set when she is away) says `fits: false`, the plan says by
 * how much, and proposes to hand over the calls she cannot take, then the least urgent items to move (those that can
 * wait) or hand over, until it would fit.
 */
export function planDay(candidates: readonly DayCandidate[], intervals: readonly Interval[], from: ClockTime): DayPlan {
  const capacityMinutes = minutesFrom(intervals, from);
  const fixed = candidates.filter((c) => c.at !== null).sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : compareUrgency(a, b)));
  const flexible = candidates.filter((c) => c.at === null).sort(compareUrgency);

  // The free minutes: working intervals from `from`, minus the fixed items' time.
  const taken = fixed.map((c) => ({ from: minutesOfDay(c.at!), to: minutesOfDay(c.at!) + c.estimatedMinutes }));
  const start = minutesOfDay(from);
  const free: { from: number; to: number }[] = [];
  for (const i of intervals) {
    let pieces = [{ from: Math.max(start, minutesOfDay(i.from)), to: minutesOfDay(i.to) }].filter((p) => p.to > p.from);
    for (const t of taken)
      pieces = pieces.flatMap((p) =>
        t.to <= p.from || t.from >= p.to
          ? [p]
          : [...(t.from > p.from ? [{ from: p.from, to: t.from }] : []), ...(t.to < p.to ? [{ from: t.to, to: p.to }] : [])],
      );
    free.push(...pieces);
  }
  const end = Math.max(start, ...intervals.map((i) => minutesOfDay(i.to)), ...taken.map((t) => t.to));

  const planned: { item: PlannedItem; order: number }[] = fixed.map((c) => {
    const s = minutesOfDay(c.at!);
    return {
      item: { ...c, startsAt: c.at!, endsAt: clockTime(s + c.estimatedMinutes), fits: withinWorkingTime(intervals, s, c.estimatedMinutes) },
      order: 0,
    };
  });
  let slot = 0;
  let cursor = free[0]?.from ?? end;
  let overflow = end;
  for (const [n, c] of flexible.entries()) {
    let left = c.estimatedMinutes;
    let first: number | null = null;
    let last = cursor;
    while (left > 0 && slot < free.length) {
      const piece = free[slot];
      cursor = Math.max(cursor, piece.from);
      const take = Math.min(left, piece.to - cursor);
      if (take > 0) {
        first ??= cursor;
        cursor += take;
        last = cursor;
        left -= take;
      }
      if (cursor >= piece.to) slot++;
    }
    const fits = left === 0;
    if (!fits) {
      first ??= overflow;
      last = Math.max(overflow, last) + left;
      overflow = last;
    }
    planned.push({
      item: { ...c, startsAt: clockTime(first ?? cursor), endsAt: clockTime(last), fits },
      order: n + 1,
    });
  }
  const items = planned
    .sort((a, b) => {
      const d = minutesOfDay(a.item.startsAt) - minutesOfDay(b.item.startsAt);
      return d !== 0 ? d : a.order - b.order;
    })
    .map((p) => p.item);
  const plannedMinutes = candidates.reduce((sum, c) => sum + c.estimatedMinutes, 0);
  // What does not fit: beyond her minutes left, or set at a time she is not working (a call during an absence).
  const unfit = items.filter((i) => !i.fits);
  const overMinutes = Math.max(
    0,
    plannedMinutes - capacityMinutes,
    unfit.reduce((sum, i) => sum + i.estimatedMinutes, 0),
  );
  return { capacityMinutes, plannedMinutes, overMinutes, items, proposals: proposeRelief(flexible, fixed, unfit, overMinutes) };
}

function withinWorkingTime(intervals: readonly Interval[], start: number, minutes: number): boolean {
  return intervals.some((i) => minutesOfDay(i.from) <= start && start + minutes <= minutesOfDay(i.to));
}

/**
 * The least urgent work first: flexible items that can wait move to another day, those a colleague can do are handed
 * over; then calls with a set time a colleague can take. The most urgent (priority 1) never. Stops once it covers.
 */
function proposeRelief(
  flexible: readonly DayCandidate[],
  fixed: readonly DayCandidate[],
  unfit: readonly PlannedItem[],
  overMinutes: number,
): Proposal[] {
  const proposals: Proposal[] = [];
  let covered = 0;
  // A call set at a time she does not work goes to a colleague first, whatever its priority.
  const offHours = unfit.filter((i) => i.at !== null && i.canHandOver);
  for (const c of offHours) {
    proposals.push({ ref: c.ref, action: 'hand-over', minutes: c.estimatedMinutes });
    covered += c.estimatedMinutes;
  }
  const taken = new Set(proposals.map((p) => p.ref));
  const pool = [...[...flexible].reverse(), ...[...fixed].sort(compareUrgency).reverse()].filter((c) => !taken.has(c.ref));
  for (const c of pool) {
    if (covered >= overMinutes) break;
    if (c.priority <= 1) continue;
    const action = c.canWait && c.at === null ? 'move' : c.canHandOver ? 'hand-over' : null;
    if (!action) continue;
    proposals.push({ ref: c.ref, action, minutes: c.estimatedMinutes });
    covered += c.estimatedMinutes;
  }
  return proposals;
}

/** What changed since she last looked at her day: the items that came and the ones that went. */
export function changesSince(seenRefs: readonly string[], items: readonly { ref: string }[]): { added: string[]; removed: string[] } {
  const seen = new Set(seenRefs);
  const now = new Set(items.map((i) => i.ref));
  return { added: items.filter((i) => !seen.has(i.ref)).map((i) => i.ref), removed: seenRefs.filter((r) => !now.has(r)) };
}
