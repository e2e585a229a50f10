import type { UserAccount } from '../../../core/auth/users.schemas.ts';

export type AccountState = { kind: 'active' } | { kind: 'deactivated' } | { kind: 'locked'; until: string };

/** What the admin reads of an account: switched off first, then a lock still running, else active. */
export function accountState(account: Pick<UserAccount, 'active' | 'lockedUntil'>, nowIso: string): AccountState {
  if (!account.active) return { kind: 'deactivated' };
  if (account.lockedUntil && account.lockedUntil > nowIso) return { kind: 'locked', until: account.lockedUntil };
  return { kind: 'active' };
}
