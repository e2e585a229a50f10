import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '../../core/auth/roles.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { countFailedAttempts, deleteSession, findSessionUser, findUserByEmail, insertSession, recordLoginAttempt } from './auth.repository.ts';
import { verifyPassword } from './passwords.ts';

export const SESSION_HOURS = 12;
/** Failed logins allowed per email (and, ten times that, per address) in the window before a 429. */
export const LOGIN_LIMIT = { perEmail: 5, perIp: 50, windowMinutes: 15 };

/** The cookie carries a random token; the database keeps only its hash, so a leaked table opens no session. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginResult = { token: string; user: SessionUser; csrfToken: string; expiresAt: Date };

export async function login(db: Db, input: { email: string; password: string; ip: string }, now = new Date()): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_LIMIT.windowMinutes * 60_000).toISOString();
  const [byEmail, byIp] = await Promise.all([countFailedAttempts(db, { email }, since), countFailedAttempts(db, { ip: input.ip }, since)]);
  if (byEmail >= LOGIN_LIMIT.perEmail || byIp >= LOGIN_LIMIT.perIp) {
    throw new AppError('RATE_LIMITED', `Too many failed logins; try again in ${LOGIN_LIMIT.windowMinutes} minutes.`, [], {
      retryAfterSeconds: LOGIN_LIMIT.windowMinutes * 60,
    });
  }
  const user = await findUserByEmail(db, email);
  // Verify even for an unknown email so that the answer takes the same time either way.
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(DUMMY_HASH, input.password), false);
  await recordLoginAttempt(db, { email, ip: input.ip, at: now.toISOString(), success: ok });
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect.');

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(db, { id: sessionIdOf(token), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, customerId: user.customerId } };
}

export async function sessionFromToken(db: Db, token: string, now = new Date()): Promise<{ user: SessionUser; csrfToken: string; sessionId: string } | null> {
  const row = await findSessionUser(db, sessionIdOf(token), now.toISOString());
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name, role: row.role as Role, customerId: row.customerId },
  };
}

export const logout = (db: Db, sessionId: string) => deleteSession(db, sessionId);

// argon2id hash of a random string, used only to spend the same time on unknown emails.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$yanP62CbWmWiRm5ln4Y+/w$qimZEd4wxdJBOaYu6U3AS6YhtHGidUQ+oYYrR99xrqU';
