import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  availableActions,
  checkTransition,
  hasDeliveries,
  mayHaveBackorders,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  TRANSITIONS,
} from './lifecycle.ts';
import { lineNetCents, orderTotals } from './totals.ts';

const pack = { unitsPerCarton: 1, cartonsPerLayer: 5, layersPerPallet: 8 };

describe('order lifecycle', () => {
  it('walks draft → confirmed → released → shipped → delivered → closed', () => {
    let status = 'draft' as (typeof ORDER_STATUSES)[number];
    for (const action of ['confirm', 'release', 'ship', 'deliver', 'close'] as const) {
      const r = checkTransition(status, action);
      expect(r.ok).toBe(true);
      if (r.ok) status = r.to;
    }
    expect(status).toBe('closed');
  });

  it('cancels only a draft or a confirmed order', () => {
    expect(ORDER_STATUSES.filter((s) => checkTransition(s, 'cancel').ok)).toEqual(['draft', 'confirmed']);
  });

  it('refuses shipping a draft and says from where it is allowed', () => {
    expect(checkTransition('draft', 'ship')).toEqual({ ok: false, allowedFrom: ['released'] });
  });

  it('knows which statuses can have deliveries and backorders', () => {
    expect(ORDER_STATUSES.filter(hasDeliveries)).toEqual(['released', 'shipped', 'delivered', 'closed']);
    expect(ORDER_STATUSES.filter(mayHaveBackorders)).toEqual(['delivered', 'closed']);
  });

  it('has no action out of closed or cancelled, and every target is a status', () => {
    expect(availableActions('closed')).toEqual([]);
    expect(availableActions('cancelled')).toEqual([]);
    for (const a of ORDER_ACTIONS) expect(ORDER_STATUSES).toContain(TRANSITIONS[a].to);
  });
});

describe('order totals', () => {
  it('adds VAT per rate and pallets and weight', () => {
    const t = orderTotals([
      { ...pack, quantity: 10, unitPriceCents: 1850, vatRateBp: 550, grossWeightG: 25150 },
      { ...pack, quantity: 2, unitPriceCents: 1999, vatRateBp: 2000, grossWeightG: 10100 },
    ]);
    expect(t.netCents).toBe(18500 + 3998);
    expect(t.vat).toEqual([
      { rateBp: 550, baseCents: 18500, vatCents: 1018 }, // 1017.5 rounds up
      { rateBp: 2000, baseCents: 3998, vatCents: 800 }, // 799.6
    ]);
    expect(t.vatCents).toBe(1818);
    expect(t.grossCents).toBe(22498 + 1818);
    expect(t.pallets).toBe(0.3);
    expect(t.weightG).toBe(10 * 25150 + 2 * 10100);
  });

  it('never loses a cent: net is the sum of the lines, gross = net + VAT', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 5000 }),
      unitPriceCents: fc.integer({ min: 0, max: 200_000 }),
      vatRateBp: fc.constantFrom(550, 2000),
      grossWeightG: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 50 }), (lines) => {
        const t = orderTotals(lines.map((l) => ({ ...l, ...pack })));
        const sum = lines.reduce((s, l) => s + lineNetCents(l), 0);
        const vatBase = t.vat.reduce((s, v) => s + v.baseCents, 0);
        return t.netCents === sum && vatBase === sum && t.grossCents === t.netCents + t.vatCents && Number.isInteger(t.vatCents);
      }),
    );
  });
});
