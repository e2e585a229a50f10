import { describe, expect, it } from 'vitest';
import { resolveBody } from './resolve-form.ts';

describe('the resolution form', () => {
  it('a credit note left blank credits the lines; with an amount, that amount in cents', () => {
    expect(resolveBody({ outcome: 'credit-note', refusalReason: '', amount: ' ', pickupOn: '', note: 'Avoir' })).toEqual({
      outcome: 'credit-note',
      note: 'Avoir',
    });
    expect(resolveBody({ outcome: 'gesture', refusalReason: '', amount: '25,50', pickupOn: '', note: 'Geste' })).toEqual({
      outcome: 'gesture',
      amountCents: 2550,
      note: 'Geste',
    });
  });

  it('a refusal sends its reason and no amount', () => {
    expect(resolveBody({ outcome: 'refusal', refusalReason: 'out-of-time', amount: '10', pickupOn: '', note: 'Hors délai' })).toEqual({
      outcome: 'refusal',
      refusalReason: 'out-of-time',
      note: 'Hors délai',
    });
  });
});

describe('a return and a replacement', () => {
  it('a return sends its pickup date, never an amount; a replacement neither', () => {
    const form = { outcome: 'return', refusalReason: '', amount: '12', pickupOn: '2026-01-22', note: 'Reprise.' } as const;
    expect(resolveBody(form)).toEqual({ outcome: 'return', pickupOn: '2026-01-22', note: 'Reprise.' });
    expect(resolveBody({ ...form, outcome: 'replacement' })).toEqual({ outcome: 'replacement', note: 'Reprise.' });
  });
});
