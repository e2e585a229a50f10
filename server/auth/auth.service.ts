import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '../../core/auth/roles.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import {
  deleteSession,
  findLoginDevice,
  findSessionUser,
  findUserByEmail,
  insertLoginDevice,
  insertSession,
  markAttemptSucceeded,
  recordFailedAttempt,
  touchLoginDevice,
} from './auth.repository.ts';
import { assertLoginAllowed } from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';

export const SESSION_HOURS = 12;
/** A browser that logged in is remembered this long after its last login. */
export const DEVICE_DAYS = 180;

/** Cookies carry random tokens; the database keeps only their hashes, so a leaked table opens nothing. */
const idOfToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginResult = {
  token: string;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
  deviceToken: string;
  deviceExpiresAt: Date;
};

/** `deviceToken`: the device cookie the browser sent, if any; it counts only for the account it was given to. */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; deviceToken?: string },
  now: Date,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  const deviceSince = new Date(now.getTime() - DEVICE_DAYS * 86_400_000).toISOString();
  const device = input.deviceToken ? await findLoginDevice(db, idOfToken(input.deviceToken), deviceSince) : undefined;
  const deviceId = device && user && device.userId === user.id ? device.id : null;

  await assertLoginAllowed(db, { email, ip: input.ip, deviceId }, now);
  const attemptId = await recordFailedAttempt(db, { email, ip: input.ip, at: now.toISOString(), deviceId });
  // Verify even for an unknown email so that the answer takes the same time either way.
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(DUMMY_HASH, input.password), false);
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect.');

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const deviceToken = deviceId ? input.deviceToken! : randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await markAttemptSucceeded(trx, attemptId);
    await insertSession(trx, {
      id: idOfToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    if (deviceId) await touchLoginDevice(trx, deviceId, now.toISOString());
    else await insertLoginDevice(trx, { id: idOfToken(deviceToken), userId: user.id, at: now.toISOString() }, deviceSince);
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
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name, role: row.role as Role, customerId: row.customerId },
  };
}

export const logout = (db: Db, sessionId: string) => deleteSession(db, sessionId);

// argon2id hash of a random string, used only to spend the same time on unknown emails.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$yanP62CbWmWiRm5ln4Y+/w$qimZEd4wxdJBOaYu6U3AS6YhtHGidUQ+oYYrR99xrqU';
