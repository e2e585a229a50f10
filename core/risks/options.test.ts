import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEGAL_FRAME, type PenaltyClause } from '../penalties/penalty.ts';
import { optionEffects, riskOptions, type RiskOptionsContext, supplyFlagsFor } from './options.ts';

const clause: PenaltyClause = {
  contractRef: null,
  latePerDayCents: 5_000,
  lateFlatCents: null,
  missingValueBp: 2_000,
  incidentFlatCents: null,
  serviceRateTargetBp: null,
  serviceRateToleranceBp: 0,
  contestPeriodDays: null,
  backordersAccepted: true,
  l441Applicable: true,
};
const flags = { shipComplete: false, acceptsBackorders: true, acceptsPartial: false, acceptsSubstitutes: false, cancelIfLateDays: null };
function ctx(over: Partial<RiskOptionsContext> = {}): RiskOptionsContext {
  return {
    promisedDate: '2026-01-21',
    lines: [
      { lineId: 1, productId: 10, productCode: 'CRO-30', category: 'VIENNOISERIES_SURGELEES', quantity: 100, unitPriceCents: 1_000 },
      { lineId: 2, productId: 11, productCode: 'PAC-20', category: 'VIENNOISERIES_SURGELEES', quantity: 50, unitPriceCents: 2_000 },
    ],
    flags,
    earliestCompleteDate: '2026-01-24',
    substitutes: [
      { productId: 20, productCode: 'CRO-60', productName: 'Croissant 60 g', promisable: 500, unitPriceCents: 1_200, vatRateBp: 550 },
    ],
    currentWarehouseId: null,
    warehouses: [],
    clause,
    frame: LEGAL_FRAME,
    typology: 'GMS_CENTRALE',
    ...over,
  };
}
const risk = { orderLineId: 1, shortfall: 40 };

describe('riskOptions', () => {
  it('split: what is there leaves on the date, the rest in a second delivery of the same order on the complete date; no price change, the missing part penalised on the date', () => {
    const o = riskOptions(risk, ctx()).find((x) => x.kind === 'split')!;
    const backorder = riskOptions(risk, ctx()).find((x) => x.kind === 'partial-backorder')!;
    expect(o).toMatchObject({ accepted: true, priceEffectCents: 0, newDates: { delivery: '2026-01-21', secondDelivery: '2026-01-24' } });
    expect(o.penaltyEffect).toEqual(backorder.penaltyEffect);
    expect(o.changes).toEqual([{ type: 'split-line', lineId: 1, from: 100, keep: 60, date: '2026-01-24' }]);
    expect(riskOptions(risk, ctx({ flags: { ...flags, shipComplete: true } })).find((x) => x.kind === 'split')!.accepted).toBe(false);
    expect(riskOptions(risk, ctx({ earliestCompleteDate: null })).some((x) => x.kind === 'split')).toBe(false);
  });

  it("the EDI order's own requirement (4493) wins over the customer's settings", () => {
    const customer = {
      shipComplete: false,
      acceptsBackorders: true,
      acceptsPartial: true,
      acceptsSubstitutes: false,
      cancelIfLateDays: null,
    };
    expect(supplyFlagsFor(customer, 'SC')).toEqual({ ...customer, shipComplete: true, acceptsBackorders: false, acceptsPartial: false });
    expect(supplyFlagsFor(customer, 'SP')).toMatchObject({ acceptsBackorders: false, acceptsPartial: true });
    expect(supplyFlagsFor(customer, 'IS')).toMatchObject({ acceptsSubstitutes: true, acceptsBackorders: true });
    expect(supplyFlagsFor(customer, 'CD')).toMatchObject({ cancelIfLateDays: 0 });
    expect(supplyFlagsFor(customer, null)).toBe(customer);
    expect(supplyFlagsFor(customer, 'ZZZ')).toBe(customer);
    // The customer takes backorders, his order says ship complete: a partial is not what he accepted this time.
    const sc = riskOptions(risk, ctx({ flags: supplyFlagsFor({ ...flags, acceptsPartial: true }, 'SC') }));
    expect(sc.filter((o) => o.accepted).map((o) => o.kind)).toEqual(['postpone']);
  });

  it('offers a substitute at the customer price, with the price difference, flagged for approval when IS is not given', () => {
    const s = riskOptions(risk, ctx()).find((o) => o.kind === 'substitute')!;
    expect(s).toMatchObject({
      productId: 20,
      accepted: false,
      needsApproval: true,
      priceEffectCents: 40 * 200,
      newDates: { delivery: '2026-01-21' },
      penaltyEffect: { claimableCents: 0 },
    });
    expect(s.changes).toEqual([
      { type: 'set-line-quantity', lineId: 1, from: 100, to: 60 },
      { type: 'add-line', productId: 20, quantity: 40, unitPriceCents: 1_200, vatRateBp: 550, substituteForLineId: 1 },
    ]);
    expect(riskOptions(risk, ctx({ flags: { ...flags, acceptsSubstitutes: true } })).find((o) => o.kind === 'substitute')).toMatchObject({
      accepted: true,
      needsApproval: false,
    });
  });

  it('leaves out a substitute without enough stock or without a price', () => {
    const subs = [
      { productId: 20, productCode: 'A', productName: 'a', promisable: 39, unitPriceCents: 1_000, vatRateBp: 550 },
      { productId: 21, productCode: 'B', productName: 'b', promisable: 99, unitPriceCents: null, vatRateBp: 550 },
    ];
    expect(riskOptions(risk, ctx({ substitutes: subs })).some((o) => o.kind === 'substitute')).toBe(false);
  });

  it('partial with backorder: what is there on the date, the rest on the earliest complete date; the missing value is penalised', () => {
    const o = riskOptions(risk, ctx()).find((x) => x.kind === 'partial-backorder')!;
    expect(o).toMatchObject({ accepted: true, priceEffectCents: 0, newDates: { delivery: '2026-01-21', backorder: '2026-01-24' } });
    expect(o.changes).toEqual([
      { type: 'set-line-quantity', lineId: 1, from: 100, to: 60 },
      { type: 'backorder', lineId: 1, quantity: 40, date: '2026-01-24' },
    ]);
    // 20 % of 400 € missing = 80 €, capped at 2 % of 2 000 € ordered in the category = 40 €.
    expect(o.penaltyEffect).toEqual({ claimableCents: 4_000, capCents: 4_000 });
  });

  it('partial with the rest cancelled: the order loses the missing value; refused under SC, accepted under SP', () => {
    const o = riskOptions(risk, ctx()).find((x) => x.kind === 'partial-cancel')!;
    expect(o).toMatchObject({
      accepted: false,
      priceEffectCents: -40_000,
      changes: [{ type: 'set-line-quantity', lineId: 1, from: 100, to: 60 }],
    });
    expect(riskOptions(risk, ctx({ flags: { ...flags, acceptsPartial: true } })).find((x) => x.kind === 'partial-cancel')!.accepted).toBe(
      true,
    );
    expect(
      riskOptions(risk, ctx({ flags: { ...flags, acceptsPartial: true, shipComplete: true } }))
        .filter((x) => x.kind.startsWith('partial'))
        .every((x) => !x.accepted),
    ).toBe(true);
  });

  it('postpone: the whole order on the earliest complete date, late penalty; refused past the CD limit', () => {
    const o = riskOptions(risk, ctx()).find((x) => x.kind === 'postpone')!;
    expect(o).toMatchObject({
      accepted: true,
      newDates: { delivery: '2026-01-24' },
      changes: [{ type: 'set-promised-date', from: '2026-01-21', to: '2026-01-24' }],
    });
    expect(o.penaltyEffect.claimableCents).toBe(4_000); // 3 days × 50 € = 150 €, capped at 40 €
    expect(riskOptions(risk, ctx({ flags: { ...flags, cancelIfLateDays: 2 } })).find((x) => x.kind === 'postpone')!.accepted).toBe(false);
    expect(
      riskOptions(risk, ctx({ earliestCompleteDate: null })).some((x) => x.kind === 'postpone' || x.kind === 'partial-backorder'),
    ).toBe(false);
  });

  it('another warehouse that holds the whole line, for a released order', () => {
    const warehouses = [
      { warehouseId: 1, code: 'W1', place: 'Site 1', promisable: 60 },
      { warehouseId: 2, code: 'W2', place: 'Site 2', promisable: 100 },
      { warehouseId: 3, code: 'W3', place: 'Site 3', promisable: 99 },
    ];
    const os = riskOptions(risk, ctx({ currentWarehouseId: 1, warehouses })).filter((x) => x.kind === 'other-warehouse');
    expect(os).toMatchObject([{ warehouseId: 2, accepted: true, changes: [{ type: 'set-warehouse', lineId: 1, from: 1, to: 2 }] }]);
  });

  it('a line with nothing available: the substitute cancels the line instead of leaving zero, no partial options', () => {
    const os = riskOptions({ orderLineId: 1, shortfall: 100 }, ctx());
    expect(os.some((o) => o.kind.startsWith('partial'))).toBe(false);
    expect(os.find((o) => o.kind === 'substitute')!.changes[0]).toEqual({ type: 'cancel-line', lineId: 1 });
  });

  it('ranks what the customer accepts first, then the lower penalty', () => {
    const os = riskOptions(risk, ctx());
    const firstRefused = os.findIndex((o) => !o.accepted);
    expect(os.slice(firstRefused).every((o) => !o.accepted)).toBe(true);
    const accepted = os.filter((o) => o.accepted);
    expect(accepted.map((o) => o.penaltyEffect.claimableCents)).toEqual(
      [...accepted.map((o) => o.penaltyEffect.claimableCents)].sort((a, b) => a - b),
    );
  });

  it('every change keeps quantities whole and never ships more than is available', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (quantity, shortRaw, subStock, sc, bk, sp, is) => {
          const shortfall = Math.min(quantity, shortRaw);
          const c = ctx({
            lines: [{ lineId: 1, productId: 10, productCode: 'X', category: 'FARINES', quantity, unitPriceCents: 990 }],
            flags: { shipComplete: sc, acceptsBackorders: bk, acceptsPartial: sp, acceptsSubstitutes: is, cancelIfLateDays: null },
            substitutes: [
              { productId: 20, productCode: 'Y', productName: 'y', promisable: subStock, unitPriceCents: 1_000, vatRateBp: 550 },
            ],
          });
          for (const o of riskOptions({ orderLineId: 1, shortfall }, c)) {
            let shipped = quantity;
            for (const ch of o.changes) {
              if (ch.type === 'set-line-quantity') {
                expect(Number.isInteger(ch.to) && ch.to > 0 && ch.to <= quantity - shortfall).toBe(true);
                shipped = ch.to;
              }
              if (ch.type === 'cancel-line') shipped = 0;
              if (ch.type === 'add-line') expect(Number.isInteger(ch.quantity) && ch.quantity <= subStock).toBe(true);
              if (ch.type === 'backorder') expect(ch.quantity).toBe(shortfall);
              if (ch.type === 'split-line') {
                expect(Number.isInteger(ch.keep) && ch.keep > 0 && ch.from - ch.keep === shortfall).toBe(true);
                shipped = ch.keep;
              }
            }
            if (o.kind !== 'postpone') expect(shipped).toBeLessThanOrEqual(quantity - shortfall);
          }
        },
      ),
    );
  });
});

describe('what an option does to the order, as the confirmation says it', () => {
  const effectsOf = (kind: string, c = ctx()) => {
    const o = riskOptions(risk, c).find((x) => x.kind === kind)!;
    return optionEffects(o.changes, c);
  };
  it('a substitute: the line is cut to what is there, the substitute line added at its price', () => {
    expect(effectsOf('substitute')).toEqual([
      { kind: 'quantity', product: 'CRO-30', from: 100, to: 60 },
      { kind: 'add-line', product: 'CRO-60 Croissant 60 g', quantity: 40, unitPriceCents: 1_200 },
    ]);
  });
  it('a backorder, a second delivery, a new date, each with its date', () => {
    expect(effectsOf('partial-backorder')).toEqual([
      { kind: 'quantity', product: 'CRO-30', from: 100, to: 60 },
      { kind: 'backorder', product: 'CRO-30', quantity: 40, date: '2026-01-24' },
    ]);
    expect(effectsOf('split')).toEqual([{ kind: 'second-delivery', product: 'CRO-30', quantity: 40, keep: 60, date: '2026-01-24' }]);
    expect(effectsOf('postpone')).toEqual([{ kind: 'date', from: '2026-01-21', to: '2026-01-24' }]);
  });
  it('nothing there on the date: the line is cancelled whole; another site is named as the customer knows it', () => {
    expect(optionEffects([{ type: 'cancel-line', lineId: 2 }], ctx())).toEqual([{ kind: 'cancel-line', product: 'PAC-20', quantity: 50 }]);
    const c = ctx({
      warehouses: [
        { warehouseId: 1, code: 'WH-A', place: 'Entrepôt Nord (Lille)', promisable: 0 },
        { warehouseId: 2, code: 'WH-B', place: 'Moulin (Artenay)', promisable: 500 },
      ],
    });
    expect(optionEffects([{ type: 'set-warehouse', lineId: 1, from: 1, to: 2 }], c)).toEqual([
      { kind: 'warehouse', product: 'CRO-30', from: 'Entrepôt Nord (Lille)', to: 'Moulin (Artenay)' },
    ]);
  });
});
