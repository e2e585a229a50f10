import { describe, expect, it } from 'vitest';
import { resolveBody } from './resolve-form.ts';

describe('the resolution form', () => {
  it('a credit note left blank credits the lines; with an amount, that amount in cents', () => {
    expect(resolveBody({ outcome: 'credit-note', refusalReason: '', amount: ' ', note: 'Avoir' })).toEqual({
      outcome: 'credit-note',
      note: 'Avoir',
    });
    expect(resolveBody({ outcome: 'gesture', refusalReason: '', amount: '25,50', note: 'Geste' })).toEqual({
      outcome: 'gesture',
      amountCents: 2550,
      note: 'Geste',
    });
  });

  it('a refusal sends its reason and no amount', () => {
    expect(resolveBody({ outcome: 'refusal', refusalReason: 'out-of-time', amount: '10', note: 'Hors délai' })).toEqual({
      outcome: 'refusal',
      refusalReason: 'out-of-time',
      note: 'Hors délai',
    });
  });
});
