import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocuments, type ComparedDocuments } from './compare.ts';

const T55 = 1; // flour T55, sack 25 kg, 18,40 € on the order
const SUG = 2; // caster sugar, sack 10 kg, 12,00 €
const ICE = 3; // icing sugar, never ordered

const ordered = [
  { productId: T55, quantity: 80, unitPriceCents: 1840 },
  { productId: SUG, quantity: 40, unitPriceCents: 1200 },
];
const shippedAsOrdered = [
  { productId: T55, quantity: 80 },
  { productId: SUG, quantity: 40 },
];
const agreeing: ComparedDocuments = {
  ordered,
  shipped: shippedAsOrdered,
  received: { source: 'delivery-report', lines: shippedAsOrdered },
  invoiced: ordered,
};

describe('compareDocuments on hand-made discrepancies', () => {
  it('finds nothing when order, delivery note, receipt and invoice agree, line by line or summed', () => {
    expect(compareDocuments(agreeing)).toEqual([]);
    const split = {
      ...agreeing,
      shipped: [
        { productId: T55, quantity: 50 },
        { productId: T55, quantity: 30 },
        { productId: SUG, quantity: 40 },
      ],
    };
    expect(compareDocuments(split)).toEqual([]);
  });

  it('a delivery note short of the order, with the value the customer is owed nothing for yet', () => {
    const shipped = [
      { productId: T55, quantity: 72 },
      { productId: SUG, quantity: 40 },
    ];
    const d = compareDocuments({ ordered, shipped, received: null, invoiced: null });
    expect(d).toEqual([
      {
        key: 'shipped-short:1',
        kind: 'shipped-short',
        productId: T55,
        expected: 80,
        actual: 72,
        amountCents: 8 * 1840,
        owedTo: 'customer',
      },
    ]);
  });

  it('a product shipped that nobody ordered', () => {
    const shipped = [...shippedAsOrdered, { productId: ICE, quantity: 5 }];
    expect(compareDocuments({ ordered, shipped, received: null, invoiced: null })).toMatchObject([
      { kind: 'not-ordered', productId: ICE, expected: 0, actual: 5, owedTo: 'supplier' },
    ]);
  });

  it('the RECADV says 2 sacks short, and the invoice charged all 80: two discrepancies on the same product', () => {
    const d = compareDocuments({
      ordered,
      shipped: shippedAsOrdered,
      received: {
        source: 'recadv',
        lines: [
          { productId: T55, quantity: 78 },
          { productId: SUG, quantity: 40 },
        ],
      },
      invoiced: ordered,
    });
    expect(d.map((x) => [x.kind, x.productId, x.expected, x.actual, x.amountCents, x.owedTo])).toEqual([
      ['received-short', T55, 80, 78, 2 * 1840, 'customer'],
      ['invoiced-over', T55, 78, 80, 2 * 1840, 'customer'],
    ]);
  });

  it('a shortfall the desk settled at delivery (backorder or cancelled) is no discrepancy; the rest of it is', () => {
    const received = {
      source: 'delivery-report' as const,
      lines: [
        { productId: T55, quantity: 70 },
        { productId: SUG, quantity: 40 },
      ],
    };
    const invoiced = [{ productId: T55, quantity: 70, unitPriceCents: 1840 }, ordered[1]];
    expect(
      compareDocuments({ ordered, shipped: shippedAsOrdered, received, invoiced, settled: [{ productId: T55, quantity: 10 }] }),
    ).toEqual([]);
    expect(
      compareDocuments({ ordered, shipped: shippedAsOrdered, received, invoiced, settled: [{ productId: T55, quantity: 6 }] }),
    ).toMatchObject([{ kind: 'received-short', expected: 74, actual: 70 }]);
  });

  it('an invoice at another price than the order, and an invoice line missing', () => {
    const d = compareDocuments({ ...agreeing, invoiced: [{ productId: T55, quantity: 80, unitPriceCents: 1900 }] });
    expect(d.map((x) => [x.kind, x.productId, x.expected, x.actual, x.amountCents, x.owedTo])).toEqual([
      ['invoiced-price', T55, 1840, 1900, 80 * 60, 'customer'],
      ['invoiced-under', SUG, 40, 0, 40 * 1200, 'supplier'],
    ]);
  });

  it('without the customer word, the invoice is held against the delivery note', () => {
    const d = compareDocuments({
      ordered,
      shipped: [
        { productId: T55, quantity: 80 },
        { productId: SUG, quantity: 30 },
      ],
      received: null,
      invoiced: ordered,
    });
    expect(d.map((x) => x.key)).toEqual(['shipped-short:2', 'invoiced-over:2']);
  });

  it('keys are unique within an order, whatever the documents say (property)', () => {
    const line = fc.record({
      productId: fc.integer({ min: 1, max: 4 }),
      quantity: fc.integer({ min: 0, max: 50 }),
      unitPriceCents: fc.integer({ min: 1, max: 5000 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 5 }),
        fc.option(fc.array(line, { maxLength: 5 })),
        fc.option(fc.array(line, { maxLength: 5 })),
        fc.option(fc.array(line, { maxLength: 5 })),
        (o, s, r, i) => {
          const d = compareDocuments({ ordered: o, shipped: s, received: r ? { source: 'recadv', lines: r } : null, invoiced: i });
          expect(new Set(d.map((x) => x.key)).size).toBe(d.length);
          for (const x of d) expect(x.amountCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
