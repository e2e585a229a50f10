import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctionOf, netUnitPriceCents } from './correction.ts';

// Flour T55, 80 sacks ordered at 18,40 € net each, food VAT 5,5 %.
const T55 = { productCode: 'FAR-T55-25', productName: 'Farine T55 25 kg', orderedQuantity: 80, orderedNetCents: 80 * 1840, vatRateBp: 550 };

describe('correctionOf: a discrepancy as a correcting document, in cents', () => {
  it('2 sacks received short and invoiced anyway: a credit note for 2 × 18,40 €, VAT on the net', () => {
    const c = correctionOf({ kind: 'invoiced-over', expected: 78, actual: 80, owedTo: 'customer' }, T55, 80);
    expect(c).toEqual({
      kind: 'credit-note',
      lines: [{ label: 'FAR-T55-25 Farine T55 25 kg', quantity: 2, unitPriceCents: 1840, netCents: 3680, vatRateBp: 550 }],
      netCents: 3680,
      // 5,5 % of 36,80 € = 2,024 € → 2,02 €
      vatCents: 202,
      grossCents: 3882,
    });
  });

  it('invoiced fewer than delivered: a corrective invoice for the missing sacks', () => {
    const c = correctionOf({ kind: 'invoiced-under', expected: 80, actual: 70, owedTo: 'supplier' }, T55, 70);
    expect(c).toMatchObject({ kind: 'corrective-invoice', netCents: 10 * 1840, lines: [{ quantity: 10, unitPriceCents: 1840 }] });
  });

  it('a price gap is the unit price difference on the quantity invoiced, credited or invoiced by its direction', () => {
    expect(correctionOf({ kind: 'invoiced-price', expected: 1840, actual: 1900, owedTo: 'customer' }, T55, 80)).toMatchObject({
      kind: 'credit-note',
      lines: [{ quantity: 80, unitPriceCents: 60, netCents: 4800 }],
    });
    expect(correctionOf({ kind: 'invoiced-price', expected: 1840, actual: 1800, owedTo: 'supplier' }, T55, 80)).toMatchObject({
      kind: 'corrective-invoice',
      netCents: 3200,
    });
  });

  it('rounds explicitly: the net unit price half up to the cent, then VAT half up on the net', () => {
    // A discounted line: 2 sacks for 24,69 € net → 12,345 € a sack → 12,35 €.
    const discounted = { ...T55, orderedQuantity: 2, orderedNetCents: 2469 };
    expect(netUnitPriceCents(discounted)).toBe(1235);
    const c = correctionOf({ kind: 'invoiced-over', expected: 1, actual: 2, owedTo: 'customer' }, discounted, 2)!;
    // 5,5 % of 12,35 € = 0,67925 € → 0,68 €
    expect([c.netCents, c.vatCents, c.grossCents]).toEqual([1235, 68, 1303]);
  });

  it('nothing to correct with: a product nobody ordered, or no money at stake', () => {
    expect(correctionOf({ kind: 'not-ordered', expected: 0, actual: 5, owedTo: 'supplier' }, null, 0)).toBeNull();
    expect(correctionOf({ kind: 'shipped-short', expected: 80, actual: 78, owedTo: 'customer' }, null, 0)).toBeNull();
    expect(
      correctionOf({ kind: 'shipped-short', expected: 80, actual: 78, owedTo: 'customer' }, { ...T55, orderedNetCents: 0 }, 0),
    ).toBeNull();
  });

  it('gross is net plus VAT, and every figure a whole number of cents (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(0, 550, 1000, 2000),
        (orderedQuantity, orderedNetCents, gap, vatRateBp) => {
          const c = correctionOf(
            { kind: 'invoiced-over', expected: 0, actual: gap, owedTo: 'customer' },
            { ...T55, orderedQuantity, orderedNetCents, vatRateBp },
            0,
          );
          if (!c) return;
          for (const x of [c.netCents, c.vatCents, c.grossCents, c.lines[0].unitPriceCents]) expect(Number.isInteger(x)).toBe(true);
          expect(c.grossCents).toBe(c.netCents + c.vatCents);
          expect(c.netCents).toBe(c.lines[0].quantity * c.lines[0].unitPriceCents);
        },
      ),
    );
  });
});
