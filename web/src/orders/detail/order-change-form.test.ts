import { describe, expect, it } from 'vitest';
import { changeBody, emptyAdded } from './order-change-form.ts';

describe('the order page change form', () => {
  const order = { requestedDate: '2026-03-13', note: null };
  const live = [
    { id: 11, quantity: 15 },
    { id: 12, quantity: 4 },
  ];
  const form = { quantities: { 11: '15', 12: '4' }, added: [emptyAdded(1)], requestedDate: '2026-03-13', note: '' };

  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    expect(changeBody(order, live, form)).toEqual({});
    expect(
      changeBody(order, live, {
        ...form,
        quantities: { 11: '17', 12: '0' },
        added: [{ key: 1, query: 'FAR-T55-S25', productId: 7, quantity: '2' }, emptyAdded(2)],
        requestedDate: '2026-03-17',
        note: ' Livrer par la cour ',
      }),
    ).toEqual({
      lines: [
        { id: 11, quantity: 17 },
        { productId: 7, quantity: 2 },
      ],
      removeLineIds: [12],
      requestedDate: '2026-03-17',
      note: 'Livrer par la cour',
    });
  });

  it('leaves out a quantity that is not a whole number and a new line without product', () => {
    expect(
      changeBody(order, live, {
        ...form,
        quantities: { 11: '1,5', 12: '4' },
        added: [{ key: 1, query: 'x', productId: null, quantity: '3' }],
      }),
    ).toEqual({});
  });
});
