import { describe, expect, it } from 'vitest';
import { formatterFor } from './format.ts';

// Intl puts narrow no-break spaces in French numbers; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('French formatting', () => {
  const f = formatterFor('fr');
  it('writes euros, dates and rates the French way', () => {
    expect(plain(f.money(41250))).toBe('412,50 €');
    expect(f.date('2026-11-27')).toBe('ven. 27/11/2026');
    expect(plain(f.rate(550))).toBe('5,5 %');
    expect(f.number(0.25)).toBe('0,25');
  });
  it('writes weights in kilos, then tonnes', () => {
    expect(plain(f.weight(251_500))).toBe('251,5 kg');
    expect(plain(f.weight(2_515_000))).toBe('2,52 t');
  });
  it('shows a dash for a missing date', () => {
    expect(f.date(null)).toBe('—');
  });
});

describe('English formatting', () => {
  it('keeps day-first dates and euros', () => {
    const f = formatterFor('en');
    expect(f.money(41250)).toBe('€412.50');
    expect(f.date('2026-11-27')).toMatch(/^Fri,? 27\/11\/2026$/);
  });
});
