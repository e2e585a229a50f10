import { describe, expect, it } from 'vitest';
import { applyShortfalls, lastDayOf, type ProductionShortfall } from './production-shortfall.ts';
import type { RiskReceipt } from './risk.types.ts';

const run = (over: Partial<RiskReceipt> = {}): RiskReceipt => ({
  id: 1,
  date: '2026-01-20',
  originalDate: '2026-01-20',
  quantity: 256,
  status: 'planned',
  ref: 'OF-S-26-034',
  production: true,
  ...over,
});
const laminator: ProductionShortfall = {
  productId: 10,
  warehouseId: 1,
  from: '2026-01-19',
  to: '2026-01-28',
  reducedPct: 60,
  endedOn: null,
};

describe('applyShortfalls', () => {
  it('cuts the production due within the period by the share lost, to the nearest unit, and remembers what was planned', () => {
    expect(applyShortfalls([run()], [laminator])).toEqual([{ ...run(), quantity: 102, plannedQuantity: 256 }]);
  });

  it('leaves whole what is due outside the period, what is bought, and what is cancelled', () => {
    const whole = [run({ date: '2026-01-18' }), run({ date: '2026-01-29' }), run({ production: false }), run({ status: 'cancelled' })];
    expect(applyShortfalls(whole, [laminator])).toEqual(whole);
  });

  it('compounds two shortfalls over the same day, and a 100 % one leaves nothing', () => {
    expect(applyShortfalls([run({ quantity: 100 })], [laminator, { ...laminator, reducedPct: 50 }])[0].quantity).toBe(20);
    expect(applyShortfalls([run()], [{ ...laminator, reducedPct: 100 }])[0].quantity).toBe(0);
  });

  it('stops cutting from the day output came back', () => {
    const ended = { ...laminator, endedOn: '2026-01-20' };
    expect(lastDayOf(ended)).toBe('2026-01-19');
    expect(applyShortfalls([run({ date: '2026-01-20' })], [ended])[0].quantity).toBe(256);
    expect(applyShortfalls([run({ date: '2026-01-19' })], [ended])[0].quantity).toBe(102);
  });
});
