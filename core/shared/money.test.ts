import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyBasisPoints, formatEuros, roundCents } from './money.ts';

describe('money', () => {
  it('rounds half away from zero', () => {
    expect(roundCents(0.5)).toBe(1);
    expect(roundCents(1.49)).toBe(1);
    expect(roundCents(-0.5)).toBe(-1);
  });

  it('applies VAT at 5.5 % to the cent', () => {
    expect(applyBasisPoints(1850, 550)).toBe(102); // 101.75 → 102
    expect(applyBasisPoints(1000, 550)).toBe(55);
    expect(applyBasisPoints(10, 2000)).toBe(2);
  });

  it('never moves a result by more than half a cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const exact = (cents * bp) / 10_000;
        return Math.abs(applyBasisPoints(cents, bp) - exact) <= 0.5;
      }),
    );
  });

  it('formats euros the French way', () => {
    expect(formatEuros(41250).replace(/\s/g, ' ')).toBe('412,50 €');
  });
});
