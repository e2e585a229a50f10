import { addressRetryAfterSeconds, LOGIN_THROTTLE, poolRetryAfterSeconds } from '../../core/auth/login-throttle.ts';
import type { DbOrTrx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { failureStreak, nthLatestAddressFailure } from './auth.repository.ts';

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();
const asDate = (iso: string | null) => (iso ? new Date(iso) : null);
const describeWait = (seconds: number) => (seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`);

/**
 * A 429 when the attempt's pool must still wait (core/auth/login-throttle.ts says how long). The counts are read
 * from the database, so every node of the app sees the same ones.
 */
export async function assertLoginAllowed(
  db: DbOrTrx,
  attempt: { email: string; ip: string; deviceId: string | null },
  now: Date,
): Promise<void> {
  const { poolWindowHours, addressFailures, addressWindowMinutes } = LOGIN_THROTTLE;
  const pool = attempt.deviceId ? { deviceId: attempt.deviceId } : { email: attempt.email };
  const [streak, ceiling] = await Promise.all([
    failureStreak(db, pool, ago(now, poolWindowHours * 3_600_000)),
    // A known device is the account's own browser: the address it shares with others does not hold it back.
    attempt.deviceId ? null : nthLatestAddressFailure(db, attempt.ip, ago(now, addressWindowMinutes * 60_000), addressFailures),
  ]);
  const wait = Math.max(poolRetryAfterSeconds(streak.failures, asDate(streak.lastAt), now), addressRetryAfterSeconds(asDate(ceiling), now));
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many failed logins; try again in ${describeWait(wait)}.`, [], { retryAfterSeconds: wait });
  }
}
