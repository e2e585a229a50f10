import { type ClockTime, clockTime, type Interval, minutesOfDay } from './clock-time.ts';

/**
 * Her working hours: when she starts, how many minutes she works (7.5 h by default) and her break. The day ends
 * when those minutes are worked, the break not counted.
 */
export type WorkSchedule = { startsAt: ClockTime; dayMinutes: number; breakFrom: ClockTime | null; breakTo: ClockTime | null };

export const DEFAULT_WORK_SCHEDULE: WorkSchedule = { startsAt: '08:30', dayMinutes: 450, breakFrom: '12:30', breakTo: '13:30' };

/** An absence on the day: the whole day (no times) or part of it. */
export type DayAbsence = { from: ClockTime | null; to: ClockTime | null };

/** The stretches of the day she works: her hours minus her break and her absences, in order. */
export function workingIntervals(schedule: WorkSchedule, absences: readonly DayAbsence[]): Interval[] {
  if (absences.some((a) => a.from === null || a.to === null)) return [];
  const start = minutesOfDay(schedule.startsAt);
  const pause =
    schedule.breakFrom && schedule.breakTo ? { from: minutesOfDay(schedule.breakFrom), to: minutesOfDay(schedule.breakTo) } : null;
  // Her hours: from the start, skipping the break, until dayMinutes are worked.
  const hours: { from: number; to: number }[] = [];
  let left = schedule.dayMinutes;
  let cursor = start;
  if (pause && pause.from > cursor && pause.to > pause.from) {
    const before = Math.min(left, pause.from - cursor);
    if (before > 0) hours.push({ from: cursor, to: cursor + before });
    left -= before;
    cursor = pause.to;
  }
  if (left > 0) hours.push({ from: cursor, to: cursor + left });
  // Minus the absences.
  let result = hours;
  for (const a of absences) {
    const af = minutesOfDay(a.from!);
    const at = minutesOfDay(a.to!);
    result = result.flatMap((h) => {
      if (at <= h.from || af >= h.to) return [h];
      const parts: { from: number; to: number }[] = [];
      if (af > h.from) parts.push({ from: h.from, to: af });
      if (at < h.to) parts.push({ from: at, to: h.to });
      return parts;
    });
  }
  return result.map((h) => ({ from: clockTime(h.from), to: clockTime(h.to) }));
}

/** The minutes of the intervals from `from` on. */
export function minutesFrom(intervals: readonly Interval[], from: ClockTime): number {
  const f = minutesOfDay(from);
  return intervals.reduce((sum, i) => sum + Math.max(0, minutesOfDay(i.to) - Math.max(f, minutesOfDay(i.from))), 0);
}
