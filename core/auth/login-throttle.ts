/**
 * How failed logins slow the next try. Three pools, each counted on its own:
 * - an account from browsers it never logged in from: a few free mistakes, then a delay that doubles with each
 *   further failure, capped, so a guesser gets a handful of tries an hour and the owner waits minutes, not hours;
 * - a browser the account logged in from before (a known device): the same back-off on its own failures, so the
 *   owner is never slowed by what an attacker does elsewhere, and a stolen device cookie buys no free guesses;
 * - an address: a hard ceiling on failures from unknown browsers, whatever accounts they try.
 * A success empties its pool.
 */
export const LOGIN_THROTTLE = {
  /** Failures in a pool before any delay. */
  freeFailures: 5,
  /** The first delay, doubled with each further failure… */
  firstDelaySeconds: 15,
  /** …up to this. */
  maxDelaySeconds: 15 * 60,
  /** Failures older than this are forgotten. */
  poolWindowHours: 24,
  /** Failures from one address, from unknown browsers, allowed in `addressWindowMinutes`. */
  addressFailures: 30,
  addressWindowMinutes: 15,
} as const;

/** The wait imposed after `failures` failures in a row, in seconds. */
export function backoffSeconds(failures: number): number {
  const { freeFailures, firstDelaySeconds, maxDelaySeconds } = LOGIN_THROTTLE;
  if (failures < freeFailures) return 0;
  return Math.min(firstDelaySeconds * 2 ** (failures - freeFailures), maxDelaySeconds);
}

/** Seconds until a pool with `failures` failures, the last at `lastFailureAt`, may try again; 0: now. */
export function poolRetryAfterSeconds(failures: number, lastFailureAt: Date | null, now: Date): number {
  if (!lastFailureAt) return 0;
  const waitMs = lastFailureAt.getTime() + backoffSeconds(failures) * 1000 - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/**
 * Seconds until an address may try again, given the time of its `addressFailures`-th most recent failure in the
 * window (null: fewer failures than that): when that one leaves the window, the address is under the ceiling.
 */
export function addressRetryAfterSeconds(ceilingFailureAt: Date | null, now: Date): number {
  if (!ceilingFailureAt) return 0;
  const waitMs = ceilingFailureAt.getTime() + LOGIN_THROTTLE.addressWindowMinutes * 60_000 - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
