import { describe, expect, it } from 'vitest';
import { parseHundredths, RowReader } from './row-reader.ts';

describe('parseHundredths', () => {
  it('reads euros with a decimal comma or dot, spaces and a euro sign, into cents', () => {
    expect(parseHundredths('12,50')).toBe(1250);
    expect(parseHundredths('12.5')).toBe(1250);
    expect(parseHundredths('1 234,56 €')).toBe(123456);
    expect(parseHundredths('19.99')).toBe(1999);
    expect(parseHundredths('7')).toBe(700);
    expect(parseHundredths('5,5%')).toBe(550);
  });

  it('rounds half up on the third decimal, from the digits rather than a float', () => {
    expect(parseHundredths('0,125')).toBe(13);
    expect(parseHundredths('0,124')).toBe(12);
    expect(parseHundredths('1.005')).toBe(101);
    expect(parseHundredths('0.30000000000000004')).toBe(30);
  });

  it('refuses what is not a positive decimal', () => {
    for (const text of ['-1', 'abc', '1,2,3', '']) expect(parseHundredths(text)).toBeNull();
  });
});

describe('RowReader', () => {
  it('reads typed cells and collects one issue per faulty cell', () => {
    const r = new RowReader({ n: '12', bad: '1,5', unit: 'sac', yes: 'Oui', days: 'lun, mer;VEN', empty: '' });
    expect(r.int('n')).toBe(12);
    expect(r.int('bad')).toBeNull();
    expect(r.choice('unit', ['SAC', 'COLIS'])).toBe('SAC');
    expect(r.bool('yes')).toBe(true);
    expect(r.weekdays('days')).toEqual(['MON', 'WED', 'FRI']);
    expect(r.text('empty')).toBeNull();
    expect(r.text('empty', true)).toBeNull();
    expect(r.issues).toEqual([
      { column: 'bad', code: 'not-whole-number', params: { value: '1,5' }, reason: '"1,5" is not a whole number' },
      { column: 'empty', code: 'required', params: {}, reason: 'is required' },
    ]);
  });

  it('accepts a spreadsheet whole number written as a float, and refuses unknown days', () => {
    const r = new RowReader({ n: '12.0', days: 'MON,FUNDAY' });
    expect(r.int('n')).toBe(12);
    expect(r.weekdays('days')).toBeNull();
    expect(r.issues.map((i) => i.column)).toEqual(['days']);
  });
});
