import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggest } from './suggest.ts';
import { applySuggestion } from './apply.ts';
import { savingCents } from './saving.ts';
import { price } from '../pricing/price.ts';
import { effectiveUnitPrice } from '../pricing/effective-price.ts';
import { multipleSize, multipleUnitFor } from '../terms/checks/order-multiple.ts';
import { CROISSANT, GLACE, LIST, T45, T55_1KG, T65, TERMS, context, draft } from '../orders/rules.fixtures.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';

const ctx = context();
const run = (order: OrderDraft, c: RulesContext = ctx) => suggest(order, price(order, c), c);

describe("suggest: Pascal Martin's phone order (scenario 2)", () => {
  const order = draft([
    { productId: T65, quantity: 10 },
    { productId: T45, quantity: 4 },
    { productId: GLACE, quantity: 2 },
  ]);
  const found = run(order);

  it('offers the 2 more sacks of icing sugar that earn the 5 % galette promotion, with its exact saving', () => {
    const s = found.find((x) => x.id === 'next-tier:2')!;
    expect(s.changes).toEqual([{ op: 'setQuantity', lineIndex: 2, quantity: 4 }]);
    expect(s.savingCents).toBe(330); // 4 × 16,50 € × 5 %
    expect(s.description.fr).toContain('Ligne 3 (SUC-GLA-S10) : passer de 2 sacs à 4 sacs');
    // It names what earns the saving, and says what the customer spends more to get it: 2 × 16,50 € less the 3,30 €.
    expect(s.description.fr).toMatch(/\(promotion « .+ »\)/);
    expect(s.orderChangeCents).toBe(2 * 1650 - 330);
  });

  it('offers to reach franco, saving at least the 35,00 € fee, and ranks by saving', () => {
    const s = found.find((x) => x.kind === 'reach-franco')!;
    expect(s.savingCents).toBeGreaterThanOrEqual(3500);
    expect(price(applySuggestion(order, s), ctx).franco!.feeCents).toBe(0);
    // What he spends more and what he saves are both said: the order grows by more than the fee it saves.
    expect(s.orderChangeCents).toBe(price(applySuggestion(order, s), ctx).totals.netCents - price(order, ctx).totals.netCents);
    expect(s.orderChangeCents).toBeGreaterThan(0);
    expect(found.map((x) => x.savingCents)).toEqual([...found.map((x) => x.savingCents)].sort((a, b) => b - a));
  });
});

describe('suggest: rounding', () => {
  it('shows both ways to whole cartons of frozen croissants', () => {
    const found = run(draft([{ productId: CROISSANT, quantity: 500 }]), context({ promotions: [] }));
    expect(found.filter((s) => s.kind.startsWith('round')).map((s) => s.changes)).toEqual(
      expect.arrayContaining([[{ op: 'setQuantity', lineIndex: 0, quantity: 540 }], [{ op: 'setQuantity', lineIndex: 0, quantity: 480 }]]),
    );
  });
  it('proposes nothing on whole cartons', () => {
    expect(
      run(draft([{ productId: CROISSANT, quantity: 480 }]), context({ promotions: [] })).filter((s) => s.kind.startsWith('round')),
    ).toEqual([]);
  });
});

describe('suggest: date and truck', () => {
  it('moves a Saturday delivery to the Friday to avoid the surcharge', () => {
    const s = run(draft([{ productId: T65, quantity: 30 }], { requestedDate: '2026-01-17' })).find((x) => x.kind === 'move-date')!;
    expect(s).toMatchObject({ savingCents: 4500, changes: [{ op: 'setRequestedDate', date: '2026-01-16' }] });
  });

  it('fills a retail truck with usual products up to the payload when a pallet tier pays for it', () => {
    const gms = context({
      customer: { id: 100, typology: 'GMS_CENTRALE' },
      promotions: [],
      usualProductIds: [T55_1KG],
      terms: { ...TERMS, franco: { measure: 'pallets', threshold: 6, feeBelowCents: 15_000 } },
      priceList: {
        ...LIST,
        orderDiscount: {
          measure: 'pallets',
          families: null,
          steps: [
            { min: 0, discountBp: 0 },
            { min: 6, discountBp: 150 },
            { min: 12, discountBp: 250 },
            { min: 24, discountBp: 400 },
          ],
        },
      },
    });
    const order = draft([{ productId: T55_1KG, quantity: 20 * 96 }]);
    const s = run(order, gms).find((x) => x.kind === 'fill-truck')!;
    expect(s.changes).toEqual([{ op: 'setQuantity', lineIndex: 0, quantity: 24 * 96 }]); // 24 × 969,6 kg = 23,27 t: a 25th would pass 24 t
    const after = price(applySuggestion(order, s), gms);
    expect(after.orderTier!.discountBp).toBe(400);
    expect(s.savingCents).toBe(savingCents(price(order, gms), after));
  });
});

describe('suggest: properties', () => {
  const lines = fc.array(fc.record({ productId: fc.integer({ min: 1, max: 10 }), quantity: fc.integer({ min: 1, max: 700 }) }), {
    minLength: 1,
    maxLength: 12,
  });
  const date = fc.constantFrom('2026-01-16', '2026-01-17');

  it('never raises the price per unit of the same goods, never adds a charge, never saves a negative amount', () => {
    fc.assert(
      fc.property(lines, date, (ls, d) => {
        const order = draft(ls, { requestedDate: d });
        const before = price(order, ctx);
        for (const s of suggest(order, before, ctx)) {
          const after = price(applySuggestion(order, s), ctx);
          expect(s.savingCents).toBeGreaterThanOrEqual(0);
          expect(s.savingCents).toBe(savingCents(before, after));
          expect(after.totals.chargesNetCents).toBeLessThanOrEqual(before.totals.chargesNetCents);
          for (const l of after.lines) {
            const old = before.lines.find((o) => o.productId === l.productId && o.unitPriceCents !== null);
            if (old && l.unitPriceCents !== null) expect(effectiveUnitPrice(l)!).toBeLessThanOrEqual(effectiveUnitPrice(old)! + 1e-9);
          }
          const sum = after.lines.reduce((a, l) => a + l.netCents, 0) + after.charges.reduce((a, c) => a + c.netCents, 0);
          expect(after.totals.netCents).toBe(sum);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rounds to whole packaging units, both ways', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const order = draft(ls);
        for (const s of suggest(order, price(order, ctx), ctx).filter((x) => x.kind === 'round-up' || x.kind === 'round-down')) {
          for (const c of s.changes) {
            if (c.op !== 'setQuantity') continue;
            const product = ctx.products.get(order.lines[c.lineIndex].productId!)!;
            const unit = s.id.split(':')[1] as 'carton' | 'layer' | 'pallet';
            expect(c.quantity % multipleSize(product, unit)!).toBe(0);
            expect(unit === 'pallet' || unit === multipleUnitFor(product, ctx.terms.orderMultiples)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
