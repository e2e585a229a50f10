import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog/product.ts';
import { CROISSANT, LIST, PRODUCTS, T45, T65, TERMS, context, draft } from '../orders/rules.fixtures.ts';
import type { OrderDraftLine } from '../orders/order-draft.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';
import { suggest } from '../suggestions/suggest.ts';
import { applySuggestion } from '../suggestions/apply.ts';
import { LineChangePricer } from './line-change.ts';
import { price } from './price.ts';
import type { OrderTierDiscount, PricedLine } from './pricing.types.ts';

const steps = (...mins: number[]) => mins.map((min, i) => ({ min, discountBp: i * 150 }));
const TIERS: (OrderTierDiscount | null)[] = [
  null,
  LIST.orderDiscount,
  { measure: 'pallets', families: null, steps: steps(0, 1, 2.5, 6) },
  { measure: 'cartons', families: ['FARINE', 'BOULANGERIE_SURGELEE'], steps: steps(0, 12, 40) },
  { measure: 'units', families: null, steps: steps(0, 100, 400) },
  { measure: 'value', families: ['SUCRE'], steps: steps(0, 50_000, 200_000) },
];
const FRANCOS = [TERMS.franco, { measure: 'pallets' as const, threshold: 2, feeBelowCents: 9_000 }, null];

const contexts = fc
  .record({ tier: fc.constantFrom(...TIERS), franco: fc.constantFrom(...FRANCOS), promotions: fc.boolean() })
  .map(({ tier, franco, promotions }) =>
    context({ priceList: { ...LIST, orderDiscount: tier }, terms: { ...TERMS, franco }, ...(promotions ? {} : { promotions: [] }) }),
  );
const line = fc
  .record({
    productId: fc.oneof(fc.integer({ min: 1, max: PRODUCTS.length }), fc.constant(null), fc.constant(99)),
    quantity: fc.integer({ min: 0, max: 900 }),
    agreed: fc.option(fc.integer({ min: 1, max: 5_000 }), { freq: 5 }),
  })
  .map(({ agreed, ...l }): OrderDraftLine => (agreed === null ? l : { ...l, agreedUnitPriceCents: agreed }));
const figures = [(l: PricedLine) => l.netCents, (l: PricedLine) => l.freeQuantity * 7 + (l.unitPriceCents ?? 0)];

describe('LineChangePricer', () => {
  it('gives what price gives for the order with one line changed: the line, the net, the charges, the sums', () => {
    fc.assert(
      fc.property(
        contexts,
        fc.array(line, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('2026-01-16', '2026-01-17'),
        fc.nat(),
        fc.integer({ min: 0, max: 1_200 }),
        (ctx, lines, date, at, quantity) => {
          const order = draft(lines, { requestedDate: date });
          const before = price(order, ctx);
          const i = at % lines.length;
          const change = new LineChangePricer(order, before, ctx, figures).change(i, quantity);
          const after = price(applySuggestion(order, { changes: [{ op: 'setQuantity', lineIndex: i, quantity }] }), ctx);
          expect(change.line).toEqual(after.lines[i]);
          expect(change.netCents).toBe(after.totals.netCents);
          expect(change.chargesNetCents).toBe(after.totals.chargesNetCents);
          expect(change.figures).toEqual(figures.map((f) => after.lines.reduce((sum, l) => sum + f(l), 0)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('re-adds a pallet measure in order when its rounding is on an edge', () => {
    // An eighth of a pallet is 0.125: kept to two decimals, 0.13 — the tier's step; a hair less would be 0.12.
    const eighth: Product = { ...PRODUCTS[0], id: 50, code: 'EIGHTH', unitsPerCarton: 1, cartonsPerLayer: 1, layersPerPallet: 8 };
    const ctx = context({
      products: new Map([...PRODUCTS, eighth].map((p) => [p.id, p])),
      priceList: {
        ...LIST,
        tiers: [...LIST.tiers, { productId: 50, minQuantity: 1, unitPriceCents: 1000 }],
        orderDiscount: { measure: 'pallets', families: null, steps: steps(0, 0.13) },
      },
      terms: { ...TERMS, franco: { measure: 'pallets', threshold: 0.13, feeBelowCents: 9_000 } },
    });
    const order = draft([
      { productId: 50, quantity: 1 },
      { productId: 50, quantity: 2 },
    ]);
    const change = new LineChangePricer(order, price(order, ctx), ctx, figures).change(1, 0);
    const after = price(applySuggestion(order, { changes: [{ op: 'setQuantity', lineIndex: 1, quantity: 0 }] }), ctx);
    expect(after.orderTier!.discountBp).toBe(150);
    expect(after.franco!.feeCents).toBe(0);
    expect(change.line).toEqual(after.lines[1]);
    expect([change.netCents, change.chargesNetCents]).toEqual([after.totals.netCents, after.totals.chargesNetCents]);
  });
});

describe('suggest on a large order', () => {
  /** Counts the product look-ups: every pricing of a line makes one, so they measure the work done. */
  class CountingMap<K, V> extends Map<K, V> {
    gets = 0;
    override get(key: K): V | undefined {
      this.gets++;
      return super.get(key);
    }
  }
  const work = (n: number) => {
    const products = new CountingMap(PRODUCTS.map((p) => [p.id, p] as const));
    const ctx: RulesContext = context({ products });
    // Every line off its multiple (frozen croissants by the carton of 60, flour sacks near a pallet): a rounding each.
    const order = draft(
      Array.from({ length: n }, (_, i) => ({ productId: [CROISSANT, T65, T45][i % 3], quantity: i % 3 === 0 ? 50 + (i % 7) : 36 })),
    );
    const found = suggest(order, price(order, ctx), ctx);
    return { gets: products.gets, roundings: found.filter((s) => s.kind.startsWith('round')).length };
  };

  it('prices in proportion to the lines, though it proposes a rounding on each', () => {
    const small = work(250);
    const large = work(500);
    expect(large.roundings).toBeGreaterThanOrEqual(2 * small.roundings - 2);
    expect(small.roundings).toBeGreaterThan(150);
    // Twice the lines: about twice the work (it was four times, one whole re-pricing per rounding).
    expect(large.gets / small.gets).toBeLessThan(2.5);
  });
});
