import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressRetryAfterSeconds, backoffSeconds, LOGIN_THROTTLE, poolRetryAfterSeconds } from './login-throttle.ts';

describe('login back-off', () => {
  it('forgives the first mistakes, then doubles the wait up to the cap', () => {
    expect([0, 1, 4].map(backoffSeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map(backoffSeconds)).toEqual([15, 30, 60, 120, 240, 480, 900, 900]);
  });

  it('never shrinks as failures pile up, and never passes the cap', () => {
    fc.assert(
      fc.property(fc.nat(200), (n) => backoffSeconds(n + 1) >= backoffSeconds(n) && backoffSeconds(n) <= LOGIN_THROTTLE.maxDelaySeconds),
    );
  });

  it('counts the wait from the last failure', () => {
    const last = new Date('2026-12-01T10:00:00.000Z');
    expect(poolRetryAfterSeconds(4, last, last)).toBe(0);
    expect(poolRetryAfterSeconds(5, last, new Date('2026-12-01T10:00:05.000Z'))).toBe(10);
    expect(poolRetryAfterSeconds(5, last, new Date('2026-12-01T10:00:15.000Z'))).toBe(0);
    expect(poolRetryAfterSeconds(12, last, new Date('2026-12-01T10:00:00.500Z'))).toBe(900);
    expect(poolRetryAfterSeconds(0, null, last)).toBe(0);
  });

  it('lets an address try again once its ceiling failure leaves the window', () => {
    const at = new Date('2026-12-01T10:00:00.000Z');
    expect(addressRetryAfterSeconds(null, at)).toBe(0);
    expect(addressRetryAfterSeconds(at, new Date('2026-12-01T10:05:00.000Z'))).toBe(600);
    expect(addressRetryAfterSeconds(at, new Date('2026-12-01T10:15:00.000Z'))).toBe(0);
  });
});
