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
