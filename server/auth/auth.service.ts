import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '../../core/auth/roles.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { passwordWeakness } from '../../core/auth/new-account.ts';
import { AppError, invalid } from '../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  deleteSession,
  deleteUserSessions,
  findLoginDevice,
  findSessionUser,
  findUserByEmail,
  insertLoginDevice,
  insertSession,
  markAttemptSucceeded,
  recordFailedAttempt,
  failureStreak,
  touchLoginDevice,
  touchSession,
} from './auth.repository.ts';
import { setLockedUntil, setPasswordHash } from '../users/users.repository.ts';
import { assertLoginAllowed } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_HOURS = 12;
/** A session nobody used for this long ends: the next request must log in again. */
export const IDLE_MINUTES = 60;
/** A session's last use is written at most this often, so that reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;
/** Failed logins in a row from browsers the account never used that lock it, and for how long. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 30;
/** A browser that logged in is remembered this long after its last login. */
export const DEVICE_DAYS = 180;

/** Cookies carry random tokens; the database keeps only their hashes, so a leaked table opens nothing. */
export const idOfToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginResult = {
  token: string;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
  deviceToken: string;
  deviceExpiresAt: Date;
};

/**
 * `deviceToken`: the device cookie the browser sent, if any; it counts only for the account it was given to.
 * `previousToken`: the session cookie the browser still holds: that session ends, a login always starts a new one.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; deviceToken?: string; previousToken?: string },
  now: Date,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  const deviceSince = new Date(now.getTime() - DEVICE_DAYS * 86_400_000).toISOString();
  const device = input.deviceToken ? await findLoginDevice(db, idOfToken(input.deviceToken), deviceSince) : undefined;
  const deviceId = device && user && device.userId === user.id ? device.id : null;

  await assertLoginAllowed(db, { email, ip: input.ip, deviceId }, now);
  // A locked account refuses browsers it never logged in from; its owner's own browsers still get in.
  if (user?.lockedUntil && user.lockedUntil > now.toISOString() && !deviceId) {
    const retryAfterSeconds = Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', 'This account is locked for a while after repeated failed logins.', [], {
      retryAfterSeconds,
      locked: true,
    });
  }
  const attemptId = await recordFailedAttempt(db, { email, ip: input.ip, at: now.toISOString(), deviceId });
  // Verify even for an unknown email so that the answer takes the same time either way.
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(DUMMY_HASH, input.password), false);
  if (user && !ok && !deviceId) await lockAfterFailures(db, user.id, email, now);
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect.');

  const deviceToken = deviceId ? input.deviceToken! : randomBytes(32).toString('base64url');
  const { token, csrfToken, expiresAt } = await db.transaction().execute(async (trx) => {
    if (input.previousToken) await deleteSession(trx, idOfToken(input.previousToken));
    await markAttemptSucceeded(trx, attemptId);
    await recordAudit(trx, {
      entityType: 'user',
      entityId: user.id,
      action: 'login',
      userId: user.id,
      after: { ip: input.ip, knownDevice: !!deviceId },
      at: now.toISOString(),
    });
    if (deviceId) await touchLoginDevice(trx, deviceId, now.toISOString());
    else await insertLoginDevice(trx, { id: idOfToken(deviceToken), userId: user.id, at: now.toISOString() }, deviceSince);
    return startSession(trx, user.id, now);
  });
  return {
    token,
    csrfToken,
    expiresAt,
    deviceToken,
    deviceExpiresAt: new Date(now.getTime() + DEVICE_DAYS * 86_400_000),
    user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, customerId: user.customerId },
  };
}

export async function sessionFromToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ user: SessionUser; csrfToken: string; sessionId: string } | null> {
  const row = await findSessionUser(db, idOfToken(token), now.toISOString());
  if (!row) return null;
  const lastSeen = new Date(row.lastSeenAt ?? row.sessionCreatedAt).getTime();
  if (now.getTime() - lastSeen > IDLE_MINUTES * 60_000) {
    await deleteSession(db, row.sessionId);
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) await touchSession(db, row.sessionId, now.toISOString());
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name, role: row.role as Role, customerId: row.customerId },
  };
}

export const logout = (db: Db, sessionId: string) => deleteSession(db, sessionId);

/** Locks the account once its failures from unknown browsers reach the ceiling; the lock is audited. */
async function lockAfterFailures(db: Db, userId: number, email: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const streak = await failureStreak(db, { email }, since);
  if (streak.failures < LOCK_AFTER_FAILURES) return;
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await setLockedUntil(trx, userId, until);
    await recordAudit(trx, {
      entityType: 'user',
      entityId: userId,
      action: 'lock',
      userId: null,
      after: { lockedUntil: until, failures: streak.failures },
      at: now.toISOString(),
    });
  });
}

// argon2id hash of a random string, used only to spend the same time on unknown emails.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$yanP62CbWmWiRm5ln4Y+/w$qimZEd4wxdJBOaYu6U3AS6YhtHGidUQ+oYYrR99xrqU';

/** A new session for the user, in the caller's transaction: a random token for the cookie, its hash stored. */
async function startSession(trx: DbOrTrx, userId: number, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(trx, { id: idOfToken(token), userId, csrfToken, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, csrfToken, expiresAt };
}

/**
 * Her own password, changed by the user: the current one proves it is her, the new one passes the same rule as any
 * (length, variety, not her own name, not a common password). Every session of hers ends, this one included: she
 * goes on in a new session (a new id), so a session stolen before the change opens nothing after it.
 */
export async function changePassword(
  db: Db,
  user: SessionUser,
  input: { current: string; next: string },
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const account = await findUserByEmail(db, user.email);
  if (!account || !(await verifyPassword(account.passwordHash, input.current)))
    throw invalid('body.current', 'rule', {}, 'is not your current password');
  const weakness = passwordWeakness({ email: user.email, name: user.name, password: input.next });
  if (weakness) throw invalid('body.next', 'weak-password', { reason: weakness.code }, weakness.message);
  const passwordHash = await hashPassword(input.next);
  return db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, passwordHash, now.toISOString());
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { entityType: 'user', entityId: user.id, action: 'password_change', userId: user.id, at: now.toISOString() });
    return startSession(trx, user.id, now);
  });
}
