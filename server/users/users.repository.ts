import { ROLES } from '../../core/auth/roles.ts';
import type { DbOrTrx } from '../db/database.ts';

/** Any account with this email, whatever its role or state: an email names one account only. */
export function findAccountByEmail(db: DbOrTrx, email: string) {
  return db.selectFrom('users').select(['id', 'email', 'role', 'active']).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function insertAccount(
  db: DbOrTrx,
  account: { email: string; name: string; role: string; passwordHash: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ ...account, email: account.email.toLowerCase(), customerId: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The accounts among these emails, active or not. */
export function accountsByEmail(db: DbOrTrx, emails: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'active'])
    .where('email', 'in', [...emails])
    .orderBy('id')
    .execute();
}

export async function setAccountActive(db: DbOrTrx, id: number, active: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** Whether anyone may log in at all (system accounts such as EDI's never do). */
export async function hasLoginAccounts(db: DbOrTrx): Promise<boolean> {
  return !!(await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', [...ROLES])
    .executeTakeFirst());
}

export async function hasActiveAdmin(db: DbOrTrx): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).executeTakeFirst());
}

export async function setLockedUntil(db: DbOrTrx, userId: number, untilIso: string | null) {
  await db.updateTable('users').set({ lockedUntil: untilIso }).where('id', '=', userId).execute();
}

/** Every account that logs in (system accounts aside), with its customer and last successful login. */
/** Every buyer's delivery points (a buyer without any orders for all her company's). */
export function listBuyerDeliveryPoints(db: DbOrTrx) {
  return db.selectFrom('userDeliveryPoints').select(['userId', 'deliveryPointId']).orderBy('deliveryPointId').execute();
}

export function listAccounts(db: DbOrTrx) {
  return db
    .selectFrom('users')
    .leftJoin('customers', 'customers.id', 'users.customerId')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.customerId',
      'customers.name as customerName',
      'users.active',
      'users.lockedUntil',
      'users.createdAt',
      'users.passwordChangedAt',
      eb
        .selectFrom('accountLinks')
        .select((e) => e.fn.max('accountLinks.expiresAt').as('at'))
        .whereRef('accountLinks.userId', '=', 'users.id')
        .where('accountLinks.kind', '=', 'invitation')
        .where('accountLinks.usedAt', 'is', null)
        .as('invitationExpiresAt'),
      eb
        .selectFrom('loginAttempts')
        .select((e) => e.fn.max('loginAttempts.at').as('at'))
        .whereRef('loginAttempts.email', '=', 'users.email')
        .where('loginAttempts.success', '=', 1)
        .as('lastLoginAt'),
    ])
    .where('users.role', 'in', [...ROLES])
    .orderBy('users.role')
    .orderBy('users.name')
    .execute();
}

export function findAccount(db: DbOrTrx, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'customerId', 'active', 'passwordHash', 'lockedUntil'])
    .where('id', '=', id)
    .where('role', 'in', [...ROLES])
    .executeTakeFirst();
}

/** A new account that cannot log in until its owner sets a password from the emailed link. */
export async function insertInvitedAccount(
  db: DbOrTrx,
  account: { email: string; name: string; role: string; customerId: number | null; passwordHash: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ ...account, email: account.email.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccount(db: DbOrTrx, id: number, patch: { role?: string; active?: number; lockedUntil?: null }) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function setPasswordHash(db: DbOrTrx, id: number, passwordHash: string, atIso: string) {
  await db.updateTable('users').set({ passwordHash, passwordChangedAt: atIso, lockedUntil: null }).where('id', '=', id).execute();
}

export async function setBuyerDeliveryPoints(db: DbOrTrx, userId: number, deliveryPointIds: readonly number[]) {
  await db.deleteFrom('userDeliveryPoints').where('userId', '=', userId).execute();
  if (deliveryPointIds.length)
    await db
      .insertInto('userDeliveryPoints')
      .values(deliveryPointIds.map((deliveryPointId) => ({ userId, deliveryPointId })))
      .execute();
}

export async function insertAccountLink(
  db: DbOrTrx,
  link: { id: string; userId: number; kind: 'invitation' | 'reset'; expiresAt: string; createdBy: number | null; createdAt: string },
) {
  // A new link replaces the unused ones of the same account: only the latest email opens it.
  await db.deleteFrom('accountLinks').where('userId', '=', link.userId).where('usedAt', 'is', null).execute();
  await db
    .insertInto('accountLinks')
    .values({ ...link, usedAt: null })
    .execute();
}

/** A link not used yet and not expired, with its account. */
export function findOpenAccountLink(db: DbOrTrx, id: string, nowIso: string) {
  return db
    .selectFrom('accountLinks')
    .innerJoin('users', 'users.id', 'accountLinks.userId')
    .select(['accountLinks.id', 'accountLinks.kind', 'accountLinks.expiresAt', 'users.id as userId', 'users.email', 'users.name'])
    .where('accountLinks.id', '=', id)
    .where('accountLinks.usedAt', 'is', null)
    .where('accountLinks.expiresAt', '>', nowIso)
    .executeTakeFirst();
}

/** Uses a link once: false when another request used it first. */
export async function useAccountLink(db: DbOrTrx, id: string, atIso: string): Promise<boolean> {
  const result = await db
    .updateTable('accountLinks')
    .set({ usedAt: atIso })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The active accounts of one role (the managers a weekly report is mailed to), oldest first. */
export async function listActiveUsersOfRole(db: DbOrTrx, role: string) {
  return db.selectFrom('users').where('role', '=', role).where('active', '=', 1).select(['id', 'email', 'name']).orderBy('id').execute();
}
