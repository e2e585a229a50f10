import { describe, expect, it } from 'vitest';
import { assortmentChange, listedSince } from './assortment-history.ts';

const event = (at: string, userName: string, before: number[] | null, after: number[] | null) => ({
  at,
  userName,
  before: before && { restricted: true, productIds: before },
  after: after && { restricted: true, productIds: after },
});

describe('assortment history', () => {
  it('dates each listed product from the change that brought it in, and forgets a removed one', () => {
    const since = listedSince([
      event('2026-01-05T08:00:00Z', 'Claire', [1, 2], [1, 2, 3]),
      event('2026-01-06T08:00:00Z', 'Paul', [1, 2, 3], [1, 3]),
      event('2026-01-07T08:00:00Z', 'Paul', [1, 3], [1, 3, 2]),
    ]);
    expect(since.get(1)).toBeUndefined(); // listed before the audit began
    expect(since.get(3)).toEqual({ at: '2026-01-05T08:00:00Z', userName: 'Claire' });
    expect(since.get(2)).toEqual({ at: '2026-01-07T08:00:00Z', userName: 'Paul' });
  });

  it('says what a change added and removed, a first assortment adding all', () => {
    expect(assortmentChange({ restricted: true, productIds: [1, 2] }, { restricted: false, productIds: [2, 4] })).toEqual({
      added: [4],
      removed: [1],
    });
    expect(assortmentChange(null, { restricted: true, productIds: [7] })).toEqual({ added: [7], removed: [] });
  });
});
