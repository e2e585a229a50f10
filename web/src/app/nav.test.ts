import { describe, expect, it } from 'vitest';
import { isNavActive } from './nav.ts';

describe('isNavActive', () => {
  it('lights the order list for an order, not for the order entry', () => {
    expect(isNavActive('/orders', '/orders/12')).toBe(true);
    expect(isNavActive('/orders', '/orders/new')).toBe(false);
    expect(isNavActive('/orders/new', '/orders/new')).toBe(true);
  });
  it('lights a section for its children only', () => {
    expect(isNavActive('/customers', '/customers/3/edit')).toBe(true);
    expect(isNavActive('/customers', '/customersX')).toBe(false);
  });
  it('lights the production shortfalls, not the stock above them', () => {
    expect(isNavActive('/stock/shortfalls', '/stock/shortfalls')).toBe(true);
    expect(isNavActive('/stock', '/stock/shortfalls')).toBe(false);
    expect(isNavActive('/stock', '/stock')).toBe(true);
  });
});
