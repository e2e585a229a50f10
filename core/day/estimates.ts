import { median } from '../shared/median.ts';
import { DEFAULT_MINUTES, ESTIMATE_SOURCES, FOLLOW_UP_KINDS, type DayItemKind, type EstimateSource, type TimedKind } from './day-item.ts';

/** One piece of work done: its kind, who did it and how many minutes it took (a call, an EDI fix, an order typed…). */
export type TimingSample = { kind: TimedKind; userId: number; minutes: number };

export type Estimate = { minutes: number; source: EstimateSource; samples: number };

/** Enough history: her own from 5 samples of a kind, the desk's from 3. */
export const MIN_OWN_SAMPLES = 5;
export const MIN_DESK_SAMPLES = 3;
/** How far back the history is read. */
export const ESTIMATE_WINDOW_DAYS = 42;

/** The longest a piece of work is believed: past it, the screen was left open (lunch, a meeting), not worked on. */
export const MAX_TIMING_MINUTES = 240;

/** The minutes from one instant to another (epoch ms), at least one: a piece of work saved at once still took a minute. */
export function timedMinutes(startMs: number, endMs: number): number {
  return Math.max(1, Math.round((endMs - startMs) / 60_000));
}

/** The median, rounded to the minute (the mean of the middle two for an even count); at least one minute. */
export function medianMinutes(values: readonly number[]): number {
  return Math.max(1, Math.round(median(values)));
}

/**
 * The minutes a piece of work of a kind should take her: the median of her own history of that kind when she has
 * enough, else the desk's, else the stated default.
 */
export function estimateMinutes(samples: readonly TimingSample[], kind: TimedKind, userId: number): Estimate {
  const ofKind = samples.filter((s) => s.kind === kind);
  const own = ofKind.filter((s) => s.userId === userId);
  if (own.length >= MIN_OWN_SAMPLES)
    return { minutes: medianMinutes(own.map((s) => s.minutes)), source: 'own-history', samples: own.length };
  if (ofKind.length >= MIN_DESK_SAMPLES)
    return { minutes: medianMinutes(ofKind.map((s) => s.minutes)), source: 'desk-history', samples: ofKind.length };
  return { minutes: DEFAULT_MINUTES[kind], source: 'default', samples: ofKind.length };
}

/**
 * The minutes an item of the day should take her: its kind's estimate, plus the step timed apart that follows it
 * (an ordering call: the call, then the order typed). The source said is the less learned of the two, with its
 * count: an estimate is only as much "her own history" as its weakest part.
 */
export function itemEstimate(samples: readonly TimingSample[], kind: DayItemKind, userId: number): Estimate {
  const own = estimateMinutes(samples, kind, userId);
  const followUp = FOLLOW_UP_KINDS[kind];
  if (!followUp) return own;
  const step = estimateMinutes(samples, followUp, userId);
  const rank = (e: Estimate) => ESTIMATE_SOURCES.indexOf(e.source);
  const weaker = rank(step) > rank(own) || (rank(step) === rank(own) && step.samples < own.samples) ? step : own;
  return { minutes: own.minutes + step.minutes, source: weaker.source, samples: weaker.samples };
}
