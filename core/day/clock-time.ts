/** A wall-clock time in Paris, `HH:MM`. */
export type ClockTime = string;

/** Minutes since midnight of a `HH:MM` time. */
export const minutesOfDay = (time: ClockTime): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The `HH:MM` of minutes since midnight (beyond 23:59 it keeps counting hours: a plan that overflows says so). */
export const clockTime = (minutes: number): ClockTime =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export type Interval = { from: ClockTime; to: ClockTime };
