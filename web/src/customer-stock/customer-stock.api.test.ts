import { describe, expect, it } from 'vitest';
import { coverColor } from './customer-stock.api.ts';

describe('coverColor', () => {
  it('is red under the lead time, orange under the target, plain above, nothing without use', () => {
    expect(coverColor(0.9, 3, 10)).toBe('red');
    expect(coverColor(5, 3, 10)).toBe('orange');
    expect(coverColor(12, 3, 10)).toBeUndefined();
    expect(coverColor(null, 3, 10)).toBeUndefined();
  });
});
