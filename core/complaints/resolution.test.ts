import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditNoteFromLines, creditNoteOfAmount } from './resolution.ts';

describe('credit note amounts', () => {
  it('three torn sacks of an order line of 16 at 16,50 €: 49,50 € net, VAT 5,5 % on the base', () => {
    const note = creditNoteFromLines([
      { productCode: 'FAR-T55-S25', productName: 'Farine T55', quantity: 3, orderedQuantity: 16, orderedNetCents: 26_400, vatRateBp: 550 },
    ]);
    expect(note).toMatchObject({ netCents: 4950, vatCents: 272, grossCents: 5222 });
    expect(note.lines).toEqual([{ label: 'FAR-T55-S25 Farine T55', quantity: 3, netCents: 4950, vatRateBp: 550 }]);
  });

  it('credits the whole line at exactly what was invoiced, and never more than it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        (ordered, net, q) => {
          const quantity = Math.min(q, ordered);
          const line = { productCode: 'X', productName: 'x', orderedQuantity: ordered, orderedNetCents: net, vatRateBp: 2000 };
          const all = creditNoteFromLines([{ ...line, quantity: ordered }]);
          expect(all.netCents).toBe(net);
          const part = creditNoteFromLines([{ ...line, quantity }]);
          expect(part.netCents).toBeLessThanOrEqual(net);
          expect(part.grossCents).toBe(part.netCents + part.vatCents);
        },
      ),
    );
  });

  it('a set amount at its rate', () => {
    expect(creditNoteOfAmount('Geste commercial', 10_000, 550)).toMatchObject({ netCents: 10_000, vatCents: 550, grossCents: 10_550 });
  });
});
