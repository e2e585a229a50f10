import { describe, expect, it } from 'vitest';
import { blankToNull, bpToPercent, centsToEuros, eurosToCents, kilosToGrams, parseInteger, percentToBp } from './form-values.ts';

describe('form values', () => {
  it('sends null for a blank optional field', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(' FR12 ')).toBe('FR12');
  });
  it('reads euros the French or the English way', () => {
    expect(eurosToCents('1 250,50')).toBe(125050);
    expect(eurosToCents('1250.5 €')).toBe(125050);
    expect(eurosToCents('12,345')).toBeNull();
    expect(eurosToCents('abc')).toBeNull();
    expect(centsToEuros(125050)).toBe('1250,50');
  });
  it('reads whole numbers only', () => {
    expect(parseInteger(' 12 ')).toBe(12);
    expect(parseInteger('1.5')).toBeNull();
  });
  it('reads rates in percent and weights in kilograms, to basis points and grams', () => {
    expect(percentToBp('1,5')).toBe(150);
    expect(percentToBp('2.25 %')).toBe(225);
    expect(percentToBp('un peu')).toBeNull();
    expect(bpToPercent(150)).toBe('1,5');
    expect(bpToPercent(400)).toBe('4');
    expect(kilosToGrams('1 250,5 kg')).toBe(1250500);
    expect(kilosToGrams('1,2345')).toBeNull();
  });
});
