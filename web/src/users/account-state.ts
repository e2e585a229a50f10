import type { UserAccount } from '../../../core/auth/users.schemas.ts';

export type AccountState =
  | { kind: 'active' }
  | { kind: 'deactivated' }
  | { kind: 'locked'; until: string }
  | { kind: 'invited'; until: string }
  | { kind: 'invitationExpired' };

/**
 * What the admin reads of an account: switched off first, then a lock still running, then an invitation not taken
 * up yet (still open, or expired: send a reset link), else active.
 */
export function accountState(account: Pick<UserAccount, 'active' | 'lockedUntil' | 'invitedUntil'>, nowIso: string): AccountState {
  if (!account.active) return { kind: 'deactivated' };
  if (account.lockedUntil && account.lockedUntil > nowIso) return { kind: 'locked', until: account.lockedUntil };
  if (account.invitedUntil)
    return account.invitedUntil > nowIso ? { kind: 'invited', until: account.invitedUntil } : { kind: 'invitationExpired' };
  return { kind: 'active' };
}
