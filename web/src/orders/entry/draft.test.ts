import { describe, expect, it } from 'vitest';
import { blankLine, type EntryHeader, type EntryLine, orderBody, parseQuantity, removeLine, withTrailingBlank } from './draft.ts';

const header: EntryHeader = {
  customerId: 7,
  deliveryPointId: 3,
  requestedDate: '2026-11-27',
  channel: 'phone',
  customerRef: ' BC-12 ',
  note: '',
};
const line = (key: number, productId: number | null, quantity: string, query = 'x'): EntryLine => ({ key, productId, quantity, query });
let counter = 100;
const nextKey = () => ++counter;

describe('parseQuantity', () => {
  it('takes whole positive numbers only', () => {
    expect(parseQuantity(' 10 ')).toBe(10);
    expect(['', '0', '2.5', '-1', 'abc', '1e3'].map(parseQuantity)).toEqual([null, null, null, null, null, null]);
  });
});

describe('lines', () => {
  it('always keeps one product field to type in', () => {
    expect(removeLine([line(1, 5, '10')], 0, nextKey)).toHaveLength(1);
    expect(removeLine([line(1, 5, '10'), line(2, 6, '4')], 0, nextKey).map((l) => l.key)).toEqual([2]);
  });
  it('adds a fresh line at the end only when the last one is used', () => {
    expect(withTrailingBlank([line(1, 5, '10')], nextKey)).toHaveLength(2);
    expect(withTrailingBlank([line(1, 5, '10'), blankLine(2)], nextKey)).toHaveLength(2);
  });
});

describe('orderBody', () => {
  it('sends the typed lines and the header, blank fields left out', () => {
    const result = orderBody(header, [line(1, 5, '10'), line(2, 6, '4'), blankLine(3)]);
    expect(result).toEqual({
      body: {
        customerId: 7,
        deliveryPointId: 3,
        requestedDate: '2026-11-27',
        customerRef: 'BC-12',
        channel: 'phone',
        lines: [
          { productId: 5, quantity: 10 },
          { productId: 6, quantity: 4 },
        ],
      },
    });
  });
  it('refuses a line whose product or quantity is missing, naming it', () => {
    expect(orderBody(header, [line(1, 5, '10'), line(2, null, '4', 'zz'), line(3, 6, '')])).toEqual({
      problem: 'badLines',
      lineIndexes: [1, 2],
    });
  });
  it('needs a customer and at least one line', () => {
    expect(orderBody({ ...header, customerId: null }, [line(1, 5, '10')])).toMatchObject({ problem: 'noCustomer' });
    expect(orderBody(header, [blankLine(1)])).toMatchObject({ problem: 'noLines' });
  });
});
