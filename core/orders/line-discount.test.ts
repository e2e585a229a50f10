import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBasisPoints } from '../shared/money.ts';
import { lineDiscount } from './line-discount.ts';

const galettes = 'Saison des galettes des rois';

describe('the discount a stored line shows', () => {
  it('4 sacks of gruau at 18,50 € with the galette promotion: 74,00 − 3,70 = 70,30, −5 %', () => {
    expect(lineDiscount({ quantity: 4, unitPriceCents: 1850, netCents: 7030, promotionName: galettes, promotionRateBp: 500 })).toEqual({
      grossCents: 7400,
      amountCents: 370,
      rateBp: 500,
      promotionName: galettes,
      parts: [{ kind: 'promotion', amountCents: 370, rateBp: 500 }],
    });
  });

  it("with the order tier's 2 % first: 74,00 − 1,48 = 72,52, then −5 % = 68,89", () => {
    expect(
      lineDiscount({ quantity: 4, unitPriceCents: 1850, netCents: 6889, promotionName: galettes, promotionRateBp: 500 }),
    ).toMatchObject({
      amountCents: 511,
      parts: [
        { kind: 'order-tier', amountCents: 148, rateBp: 200 },
        { kind: 'promotion', amountCents: 363, rateBp: 500 },
      ],
    });
  });

  it('a line at its gross price has none', () => {
    expect(lineDiscount({ quantity: 10, unitPriceCents: 2150, netCents: 21500, promotionName: null })).toBeNull();
  });

  it('gross − discount = net, the parts add up to the discount, and each reads back the rate pricing took', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 100, max: 500_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 3000 }),
        (q, unit, tierBp, promoBp) => {
          const gross = q * unit;
          const afterTier = gross - applyBasisPoints(gross, tierBp);
          const net = afterTier - applyBasisPoints(afterTier, promoBp);
          const d = lineDiscount({
            quantity: q,
            unitPriceCents: unit,
            netCents: net,
            promotionName: promoBp ? 'P' : null,
            promotionRateBp: promoBp || null,
          });
          if (net === gross && promoBp === 0) return void expect(d).toBeNull();
          expect(d!.grossCents - d!.amountCents).toBe(net);
          expect(d!.parts.reduce((sum: number, p: { amountCents: number }) => sum + p.amountCents, 0)).toBe(d!.amountCents);
          const tier = d!.parts.find((p: { kind: string }) => p.kind === 'order-tier');
          if (tierBp === 0) expect(tier).toBeUndefined();
          if (gross >= 100_000 && tierBp > 0) expect(Math.abs(tier!.rateBp - tierBp)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
