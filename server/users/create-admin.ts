import { type AccountProblem, newAccountProblems, type NewAccount } from '../../core/auth/new-account.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/database.ts';
import { findAccountByEmail, insertAccount } from './users.repository.ts';

export type CreateAdminResult = { ok: true; id: number; email: string } | { ok: false; problems: AccountProblem[] };

/** An administrator's account, the first of an installation or another: refused on a weak password or a taken email. */
export async function createAdmin(db: Db, input: NewAccount, now: Date): Promise<CreateAdminResult> {
  const account = { email: input.email.trim().toLowerCase(), name: input.name.trim(), password: input.password };
  const problems = newAccountProblems(account);
  if (problems.length) return { ok: false, problems };
  const taken: AccountProblem[] = [{ field: 'email', message: 'belongs to an account already' }];
  if (await findAccountByEmail(db, account.email)) return { ok: false, problems: taken };
  const passwordHash = await hashPassword(account.password);
  // The unique email still decides between two creations racing past the check above.
  const id = await db
    .transaction()
    .execute(async (trx) => {
      const created = await insertAccount(trx, {
        email: account.email,
        name: account.name,
        role: 'admin',
        passwordHash,
        createdAt: now.toISOString(),
      });
      await recordAudit(trx, {
        entityType: 'user',
        entityId: created,
        action: 'create_admin',
        userId: null,
        after: { email: account.email, name: account.name, role: 'admin' },
        at: now.toISOString(),
      });
      return created;
    })
    .catch(async (error: unknown) => {
      if (await findAccountByEmail(db, account.email)) return null;
      throw error;
    });
  return id === null ? { ok: false, problems: taken } : { ok: true, id, email: account.email };
}
