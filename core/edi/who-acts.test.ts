import { describe, expect, it } from 'vitest';
import { queueAnswers, whoActs } from './who-acts.ts';

const rule = (kind: string, severity: string, data: unknown = {}) => ({ source: 'rules' as const, kind, severity, data });

describe('who acts on a waiting EDI message’s finding', () => {
  it('the desk maps a code and answers a price within its threshold', () => {
    expect(whoActs({ source: 'mapping', kind: 'unknown-product', severity: 'block', data: null })).toBe('desk');
    expect(whoActs(rule('price-mismatch', 'approval', { managerDecides: false }))).toBe('desk');
  });

  it('a manager decides a product outside the assortment, a block and a concession above the threshold', () => {
    expect(whoActs(rule('not-listed', 'approval'))).toBe('manager');
    expect(whoActs(rule('credit-limit', 'block'))).toBe('manager');
    expect(whoActs(rule('price-mismatch', 'approval', { managerDecides: true }))).toBe('manager');
    expect(whoActs(rule('promotion-ended', 'info'))).toBeNull();
  });

  it('offers the manager to approve once, and for a product outside the assortment to list it', () => {
    expect(queueAnswers(rule('not-listed', 'approval'))).toEqual(['approve-once', 'add-to-listing']);
    expect(queueAnswers(rule('min-order-value', 'approval'))).toEqual(['approve-once']);
    expect(queueAnswers(rule('price-mismatch', 'approval'))).toEqual([]);
    expect(queueAnswers(rule('credit-limit', 'block'))).toEqual([]);
  });
});
