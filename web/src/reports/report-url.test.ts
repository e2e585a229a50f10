import { describe, expect, it } from 'vitest';
import { defaultWeek, drillHref, monthRange, periodKind, readDrillView, readFiguresView, shiftPeriod } from './report-url.ts';

describe('the figures in the address', () => {
  it('means by "the week" the one that holds yesterday: on Friday this one, on Monday the last', () => {
    expect(defaultWeek('2026-03-13')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(defaultWeek('2026-03-09')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('moves a week by a week, a calendar month by a month, any other period by its length', () => {
    expect(shiftPeriod('2026-03-09', '2026-03-15', -1)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(shiftPeriod('2026-02-01', '2026-02-28', 1)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(shiftPeriod('2026-03-01', '2026-03-31', -1)).toEqual(monthRange('2026-02-10'));
    expect(shiftPeriod('2026-03-03', '2026-03-05', 1)).toEqual({ from: '2026-03-06', to: '2026-03-08' });
    expect([
      periodKind('2026-03-09', '2026-03-15'),
      periodKind('2026-02-01', '2026-02-28'),
      periodKind('2026-03-03', '2026-03-05'),
    ]).toEqual(['week', 'month', 'custom']);
  });

  it('reads what it writes, and falls back on the week by customer, worst OTIF first, on anything else', () => {
    const href = drillHref({ metric: 'otif', from: '2026-03-09', to: '2026-03-15', groupBy: 'customer', key: '12' });
    expect(href).toBe('/reports/drill?metric=otif&from=2026-03-09&to=2026-03-15&groupBy=customer&key=12');
    expect(readDrillView(new URL(href, 'http://x').searchParams, '2026-03-13')).toEqual({
      metric: 'otif',
      from: '2026-03-09',
      to: '2026-03-15',
      groupBy: 'customer',
      key: '12',
      only: 'missed',
    });
    // A count, a sum or a channel's share lists every row it is made of unless asked otherwise; a rate its misses.
    expect(readDrillView(new URLSearchParams('metric=channelEdi'), '2026-03-13').only).toBe('all');
    expect(readDrillView(new URLSearchParams('metric=exposureAvoidedCents&only=missed'), '2026-03-13').only).toBe('missed');
    expect(drillHref({ metric: 'channelEdi', from: '2026-03-09', to: '2026-03-15', groupBy: null, key: null, only: 'all' })).toBe(
      '/reports/drill?metric=channelEdi&from=2026-03-09&to=2026-03-15',
    );
    expect(readFiguresView(new URLSearchParams('from=2026-13-01&groupBy=nope&sort=rm'), '2026-03-13')).toEqual({
      from: '2026-03-09',
      to: '2026-03-15',
      groupBy: 'customer',
      sort: 'otif',
    });
  });
});
