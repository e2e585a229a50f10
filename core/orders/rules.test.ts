import { describe, expect, it } from 'vitest';
import { rules } from './rules.ts';
import { GLACE, T45, T65, context, draft } from './rules.fixtures.ts';
import { eligiblePromotions } from '../pricing/promotions.ts';

describe('rules', () => {
  const ctx = context();
  const order = draft([
    { productId: T65, quantity: 10 },
    { productId: T45, quantity: 4 },
    { productId: GLACE, quantity: 2 },
  ]);

  it('prices, checks and suggests in one call without touching its input', () => {
    const frozen = JSON.stringify(order);
    const { priced, findings, suggestions } = rules(order, ctx);
    expect(priced.totals.goodsNetCents).toBe(19_500 + 7_030 + 3_300);
    expect(findings.map((f) => f.rule)).toEqual(['franco']);
    expect(suggestions.map((s) => s.kind)).toEqual(['reach-franco', 'next-tier']);
    expect(JSON.stringify(order)).toBe(frozen);
    expect(rules(order, ctx)).toEqual(rules(order, ctx));
  });

  it('gives the galette pitch to an artisan in January, not in February', () => {
    expect(eligiblePromotions(ctx).map((p) => p.code)).toContain('PROMO-GALETTE-2026');
    expect(eligiblePromotions(context({ today: { date: '2026-02-01', time: '09:00' } })).map((p) => p.code)).not.toContain(
      'PROMO-GALETTE-2026',
    );
    expect(eligiblePromotions(context({ customer: { id: 1, typology: 'INDUSTRIE' } }))).toEqual([]);
  });
});
