import { describe, expect, it } from 'vitest';
import { shipsAhead } from './ship-ahead.ts';

describe('shipping ahead of the delivery', () => {
  it('lets a Friday delivery leave on Thursday or Friday morning, not on the Sunday before', () => {
    expect(shipsAhead('2026-12-10', '2026-12-11')).toBeNull();
    expect(shipsAhead('2026-12-11', '2026-12-11')).toBeNull();
    expect(shipsAhead('2026-12-06', '2026-12-11')).toEqual({ days: 4, lastShipDate: '2026-12-10' });
  });

  it('lets a Monday delivery leave on the Friday before, and skips a public holiday', () => {
    expect(shipsAhead('2026-12-04', '2026-12-07')).toBeNull();
    // Tuesday 2026-11-10, before Armistice day: Wednesday the 11th is no working day, so Tuesday is the last one.
    expect(shipsAhead('2026-11-10', '2026-11-12')).toBeNull();
    expect(shipsAhead('2026-11-09', '2026-11-12')).toEqual({ days: 1, lastShipDate: '2026-11-10' });
  });

  it('says nothing when the order has no date or is already late', () => {
    expect(shipsAhead('2026-12-06', null)).toBeNull();
    expect(shipsAhead('2026-12-14', '2026-12-11')).toBeNull();
  });
});
