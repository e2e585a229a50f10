import { describe, expect, it } from 'vitest';
import { readReportDate, stockReportRows } from './stock-report-rows.ts';

describe('stock report rows', () => {
  it('reads ISO and French dates, nothing else', () => {
    expect(readReportDate('2026-01-18')).toBe('2026-01-18');
    expect(readReportDate('8/1/2026')).toBe('2026-01-08');
    expect(readReportDate('31/02/2026')).toBeNull();
    expect(readReportDate('hier')).toBeNull();
  });

  it('reads decimals the French way and percent as basis points, and names every faulty cell', () => {
    expect(
      stockReportRows.read({
        deliveryPoint: 'C001-DP1',
        product: 'CM-204511',
        onHand: '96',
        date: '18/01/2026',
        averageDailySales: '31,5',
        promoUpliftPercent: '250',
      }),
    ).toEqual({
      value: {
        deliveryPoint: 'C001-DP1',
        product: 'CM-204511',
        onHand: 96,
        date: '2026-01-18',
        averageDailySalesCenti: 3150,
        promoUpliftBp: 25000,
      },
      issues: [],
    });
    expect(
      stockReportRows.read({ deliveryPoint: '', product: 'X', onHand: 'beaucoup', date: '2026-13-01' }).issues.map((i) => i.column),
    ).toEqual(['deliveryPoint', 'onHand', 'date']);
  });
});
