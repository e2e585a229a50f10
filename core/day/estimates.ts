import { median } from '../shared/median.ts';
import { DEFAULT_MINUTES, type DayItemKind, type EstimateSource } from './day-item.ts';

/** One piece of work done: its kind, who did it and how many minutes it took (a call, an EDI fix…). */
export type TimingSample = { kind: DayItemKind; userId: number; minutes: number };

export type Estimate = { minutes: number; source: EstimateSource; samples: number };

/** Enough history: her own from 5 samples of a kind, the desk's from 3. */
export const MIN_OWN_SAMPLES = 5;
export const MIN_DESK_SAMPLES = 3;
/** How far back the history is read. */
export const ESTIMATE_WINDOW_DAYS = 42;

/** The median, rounded to the minute (the mean of the middle two for an even count); at least one minute. */
export function medianMinutes(values: readonly number[]): number {
  return Math.max(1, Math.round(median(values)));
}

/**
 * The minutes an item of a kind should take her: the median of her own history of that kind when she has enough,
 * else the desk's, else the stated default.
 */
export function estimateMinutes(samples: readonly TimingSample[], kind: DayItemKind, userId: number): Estimate {
  const ofKind = samples.filter((s) => s.kind === kind);
  const own = ofKind.filter((s) => s.userId === userId);
  if (own.length >= MIN_OWN_SAMPLES)
    return { minutes: medianMinutes(own.map((s) => s.minutes)), source: 'own-history', samples: own.length };
  if (ofKind.length >= MIN_DESK_SAMPLES)
    return { minutes: medianMinutes(ofKind.map((s) => s.minutes)), source: 'desk-history', samples: ofKind.length };
  return { minutes: DEFAULT_MINUTES[kind], source: 'default', samples: ofKind.length };
}
