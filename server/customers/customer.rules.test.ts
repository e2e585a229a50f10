import { describe, expect, it } from 'vitest';
import { customerRuleErrors, deliveryPointRuleErrors } from './customer.rules.ts';
import { phoneSearchKey } from './phone.ts';

const point = { code: 'C020-DP1', gln: '3029990100207', windowFrom: '05:00', windowTo: '09:00' };

describe('deliveryPointRuleErrors', () => {
  it('accepts a valid ship-to and one without GLN or window', () => {
    expect(deliveryPointRuleErrors(point)).toEqual([]);
    expect(deliveryPointRuleErrors({ gln: null, windowFrom: null, windowTo: null })).toEqual([]);
  });

  it('names a wrong GLN check digit and a window that ends before it starts', () => {
    expect(deliveryPointRuleErrors({ ...point, gln: '3029990100208' }).map((e) => e.path)).toEqual(['gln']);
    expect(deliveryPointRuleErrors({ ...point, windowFrom: '10:00' }).map((e) => e.path)).toEqual(['windowTo']);
  });
});

describe('customerRuleErrors', () => {
  it('names the faulty ship-to by its index, and repeated codes', () => {
    const errors = customerRuleErrors({ gln: '3029990000200', deliveryPoints: [point, { ...point, gln: '3029990100208' }] });
    expect(errors.map((e) => e.path)).toEqual(['deliveryPoints.1.gln', 'deliveryPoints.1.code']);
  });

  it('refuses two default ship-tos and a wrong account GLN', () => {
    const errors = customerRuleErrors({
      gln: '3029990000201',
      deliveryPoints: [
        { ...point, isDefault: true },
        { ...point, code: 'X', gln: null, isDefault: true },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual(['gln', 'deliveryPoints']);
  });

  it('refuses a GLN given twice: to the account and a ship-to, or to two ship-tos', () => {
    const account = customerRuleErrors({ gln: point.gln, deliveryPoints: [point] });
    expect(account).toEqual([
      {
        path: 'deliveryPoints.0.gln',
        code: 'own-gln',
        params: { value: point.gln },
        message: `is the account's own GLN ${point.gln}: a GLN names one party`,
      },
    ]);
    const twice = customerRuleErrors({ gln: null, deliveryPoints: [point, { ...point, code: 'X' }] });
    expect(twice).toEqual([
      {
        path: 'deliveryPoints.1.gln',
        code: 'duplicate',
        params: {},
        message: 'repeats the GLN of deliveryPoints.0: a GLN names one party',
      },
    ]);
  });
});

describe('phoneSearchKey', () => {
  it('reads a French number however it is written', () => {
    for (const typed of ['0261914001', '02 61 91 40 01', '02.61.91.40.01', '+33 2 61 91 40 01', '0033261914001'])
      expect(phoneSearchKey(typed)).toBe('261914001');
  });

  it('keeps a partial number and ignores names and short numbers', () => {
    expect(phoneSearchKey('91 40')).toBe('9140');
    expect(phoneSearchKey('martin')).toBeNull();
    expect(phoneSearchKey('C020')).toBeNull();
    expect(phoneSearchKey('12')).toBeNull();
  });
});
