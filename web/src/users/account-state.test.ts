import { describe, expect, it } from 'vitest';
import { accountState } from './account-state.ts';

const now = '2026-01-19T08:00:00.000Z';

describe('accountState', () => {
  it('reads a switched-off account as deactivated, even while locked', () => {
    expect(accountState({ active: false, lockedUntil: '2026-01-19T09:00:00.000Z', invitedUntil: null }, now)).toEqual({
      kind: 'deactivated',
    });
  });
  it('reads a lock still running as locked until its end', () => {
    expect(accountState({ active: true, lockedUntil: '2026-01-19T08:15:00.000Z', invitedUntil: null }, now)).toEqual({
      kind: 'locked',
      until: '2026-01-19T08:15:00.000Z',
    });
  });
  it('reads a lock that ran out, or none, as active', () => {
    expect(accountState({ active: true, lockedUntil: '2026-01-19T07:59:00.000Z', invitedUntil: null }, now)).toEqual({ kind: 'active' });
    expect(accountState({ active: true, lockedUntil: null, invitedUntil: null }, now)).toEqual({ kind: 'active' });
  });
  it('reads an account whose password is not chosen yet as invited until its link ends, then as expired', () => {
    const invited = { active: true, lockedUntil: null, invitedUntil: '2026-01-26T08:00:00.000Z' };
    expect(accountState(invited, now)).toEqual({ kind: 'invited', until: '2026-01-26T08:00:00.000Z' });
    expect(accountState(invited, '2026-01-27T08:00:00.000Z')).toEqual({ kind: 'invitationExpired' });
  });
});
