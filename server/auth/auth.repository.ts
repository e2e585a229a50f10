import { ROLES } from '../../core/auth/roles.ts';
import type { DbOrTrx } from '../db/database.ts';

/** A person who may log in: the system users (EDI) author records but never open a session. */
export function findUserByEmail(db: DbOrTrx, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).where('active', '=', 1).where('role', 'in', [...ROLES]).executeTakeFirst();
}

export function findSessionUser(db: DbOrTrx, sessionId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id as sessionId', 'sessions.csrfToken', 'users.id', 'users.email', 'users.name', 'users.role', 'users.customerId'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expiresAt', '>', nowIso)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

export async function insertSession(db: DbOrTrx, session: { id: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string }) {
  await db.insertInto('sessions').values(session).execute();
}

export async function deleteSession(db: DbOrTrx, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function recordLoginAttempt(db: DbOrTrx, attempt: { email: string; ip: string; at: string; success: boolean }) {
  await db.insertInto('loginAttempts').values({ ...attempt, success: attempt.success ? 1 : 0 }).execute();
}

export async function countFailedAttempts(db: DbOrTrx, by: { email?: string; ip?: string }, sinceIso: string): Promise<number> {
  let q = db.selectFrom('loginAttempts').select((eb) => eb.fn.countAll<number>().as('n')).where('success', '=', 0).where('at', '>', sinceIso);
  if (by.email) q = q.where('email', '=', by.email);
  if (by.ip) q = q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
