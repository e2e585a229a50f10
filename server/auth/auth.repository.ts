import { ROLES } from '../../core/auth/roles.ts';
import type { DbOrTrx } from '../db/database.ts';

/** A person who may log in: the system users (EDI) author records but never open a session. */
export function findUserByEmail(db: DbOrTrx, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .where('active', '=', 1)
    .where('role', 'in', [...ROLES])
    .executeTakeFirst();
}

export function findSessionUser(db: DbOrTrx, sessionId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.createdAt as sessionCreatedAt',
      'sessions.lastSeenAt',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.customerId',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expiresAt', '>', nowIso)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

export async function findSessionCsrf(db: DbOrTrx, sessionId: string) {
  return db.selectFrom('sessions').select('csrfToken').where('id', '=', sessionId).executeTakeFirstOrThrow();
}

export async function insertSession(
  db: DbOrTrx,
  session: { id: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string },
) {
  await db.insertInto('sessions').values(session).execute();
}

export async function deleteSession(db: DbOrTrx, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Recorded as a failure before the password is checked, so that concurrent guesses count against each other. */
export async function recordFailedAttempt(
  db: DbOrTrx,
  attempt: { email: string; ip: string; at: string; deviceId: string | null },
): Promise<number> {
  const row = await db
    .insertInto('loginAttempts')
    .values({ ...attempt, success: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAttemptSucceeded(db: DbOrTrx, id: number) {
  await db.updateTable('loginAttempts').set({ success: 1 }).where('id', '=', id).execute();
}

/** One pool of attempts: an account from browsers it never logged in from, or one known device. */
export type AttemptPool = { email: string } | { deviceId: string };

/** The failures of a pool since its last success (and `sinceIso`): how many, and when the last was. */
export async function failureStreak(
  db: DbOrTrx,
  pool: AttemptPool,
  sinceIso: string,
): Promise<{ failures: number; lastAt: string | null }> {
  const inPool = () => {
    const q = db.selectFrom('loginAttempts');
    return 'email' in pool ? q.where('email', '=', pool.email).where('deviceId', 'is', null) : q.where('deviceId', '=', pool.deviceId);
  };
  const lastSuccess = await inPool()
    .select((eb) => eb.fn.max('at').as('at'))
    .where('success', '=', 1)
    .where('at', '>', sinceIso)
    .executeTakeFirst();
  const from = lastSuccess?.at ?? sinceIso;
  const row = await inPool()
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('lastAt')])
    .where('success', '=', 0)
    .where('at', '>', from)
    .executeTakeFirstOrThrow();
  return { failures: Number(row.n), lastAt: row.lastAt ?? null };
}

/** The time of the address's `n`-th most recent failure from unknown browsers since `sinceIso`, if it has that many. */
export async function nthLatestAddressFailure(db: DbOrTrx, ip: string, sinceIso: string, n: number): Promise<string | null> {
  const row = await db
    .selectFrom('loginAttempts')
    .select('at')
    .where('ip', '=', ip)
    .where('deviceId', 'is', null)
    .where('success', '=', 0)
    .where('at', '>', sinceIso)
    .orderBy('at', 'desc')
    .limit(1)
    .offset(n - 1)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** A device the account logged in from, seen since `sinceIso`. */
export function findLoginDevice(db: DbOrTrx, id: string, sinceIso: string) {
  return db.selectFrom('loginDevices').select(['id', 'userId']).where('id', '=', id).where('lastLoginAt', '>', sinceIso).executeTakeFirst();
}

export async function touchLoginDevice(db: DbOrTrx, id: string, atIso: string) {
  await db.updateTable('loginDevices').set({ lastLoginAt: atIso }).where('id', '=', id).execute();
}

/** Records a new device for the user and forgets the user's devices unseen since `staleBeforeIso`. */
export async function insertLoginDevice(db: DbOrTrx, device: { id: string; userId: number; at: string }, staleBeforeIso: string) {
  await db.deleteFrom('loginDevices').where('userId', '=', device.userId).where('lastLoginAt', '<', staleBeforeIso).execute();
  await db
    .insertInto('loginDevices')
    .values({ id: device.id, userId: device.userId, createdAt: device.at, lastLoginAt: device.at })
    .execute();
}

/** Notes that the session served a request now (its idle time starts again). */
export async function touchSession(db: DbOrTrx, sessionId: string, atIso: string) {
  await db.updateTable('sessions').set({ lastSeenAt: atIso }).where('id', '=', sessionId).execute();
}

/** Ends every session of a user but `keep` (a password changed: other browsers must log in again). */
export async function deleteUserSessions(db: DbOrTrx, userId: number, keep: string | null = null) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}
