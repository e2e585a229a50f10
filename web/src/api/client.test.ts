import { describe, expect, it } from 'vitest';
import { ApiError, withQuery } from './client.ts';

describe('withQuery', () => {
  it('sends only the filters that are set', () => {
    expect(withQuery('/api/orders', { status: 'draft', q: '', customerId: null, limit: 50 })).toBe('/api/orders?status=draft&limit=50');
    expect(withQuery('/api/orders', {})).toBe('/api/orders');
  });
});

describe('ApiError', () => {
  it('carries the problem details', () => {
    const e = new ApiError(409, { detail: 'Already shipped', code: 'INVALID_TRANSITION' });
    expect([e.status, e.code, e.message, e.errors]).toEqual([409, 'INVALID_TRANSITION', 'Already shipped', []]);
  });
});
