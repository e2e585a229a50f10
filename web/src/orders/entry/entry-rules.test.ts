import { describe, expect, it } from 'vitest';
import { context, T45, T65 } from '../../../../core/orders/rules.fixtures.ts';
import { rules } from '../../../../core/orders/rules.ts';
import type { EntryHeader, EntryLine } from './draft.ts';
import { applyToEntry, runEntryRules, suggestionShortcut, usualCounts } from './entry-rules.ts';

const header: EntryHeader = { customerId: 1, deliveryPointId: 1, requestedDate: null, channel: 'phone', customerRef: '', note: '' };
const line = (key: number, productId: number | null, quantity: string): EntryLine => ({
  key,
  query: productId ? `P${productId}` : '',
  productId,
  quantity,
});

describe('the rules at entry', () => {
  it('files each finding under the row of its line, the others at order level, and tells a manager is needed', () => {
    const ctx = context();
    const lines = [line(1, T65, '2'), line(2, null, 'x'), line(3, T45, '1'), line(4, null, '')];
    const r = runEntryRules(lines, header, ctx, rules);
    expect(r.input.map((l) => l.key)).toEqual([1, 3]);
    expect([...r.pricedByKey.keys()]).toEqual([1, 3]);
    for (const [key, findings] of r.findingsByKey) for (const f of findings) expect(r.input[f.lineIndex!].key).toBe(key);
    expect(r.orderFindings.every((f) => f.lineIndex === undefined)).toBe(true);
    expect(r.needsManager).toBe(r.result.findings.some((f) => f.severity === 'block' || f.severity === 'approval'));
  });

  it('applies a suggestion to the typed rows: a quantity on its row, a new product before the blank row, the date', () => {
    const lines = [line(10, T65, '2'), line(11, T45, '3'), line(12, null, '')];
    const r = {
      input: [
        { key: 10, productId: T65, quantity: 2 },
        { key: 11, productId: T45, quantity: 3 },
      ],
      draft: {
        lines: [
          { productId: T65, quantity: 2 },
          { productId: T45, quantity: 3 },
        ],
        deliveryPointId: 1,
        requestedDate: null,
      },
    };
    let k = 100;
    const out = applyToEntry(
      lines,
      header,
      r,
      {
        changes: [
          { op: 'setQuantity', lineIndex: 1, quantity: 4 },
          { op: 'addLine', productId: 99, quantity: 5 },
          { op: 'setRequestedDate', date: '2031-01-07' },
        ],
      },
      (id) => `CODE-${id}`,
      () => ++k,
    );
    expect(out.lines).toEqual([
      line(10, T65, '2'),
      line(11, T45, '4'),
      { key: 101, query: 'CODE-99', productId: 99, quantity: '5' },
      line(12, null, ''),
    ]);
    expect(out.header.requestedDate).toBe('2031-01-07');
  });

  it('ranks usual products and reads Alt+digit by the physical key', () => {
    expect([...usualCounts([7, 3, 5])]).toEqual([
      [7, 3],
      [3, 2],
      [5, 1],
    ]);
    expect(suggestionShortcut({ key: '¡', code: 'Digit1', altKey: true, ctrlKey: false, metaKey: false })).toBe(0);
    expect(suggestionShortcut({ key: '9', code: 'Digit9', altKey: true, ctrlKey: false, metaKey: false })).toBe(8);
    expect(suggestionShortcut({ key: '1', code: 'Digit1', altKey: false, ctrlKey: false, metaKey: false })).toBeNull();
    expect(suggestionShortcut({ key: '0', code: 'Digit0', altKey: true, ctrlKey: false, metaKey: false })).toBeNull();
  });
});
