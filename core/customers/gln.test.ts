import { describe, expect, it } from 'vitest';
import { describeGlnHolder, type GlnHolder, glnClash } from './gln.ts';

const account: GlnHolder = { kind: 'customer', customerId: 1, customerCode: 'C001', customerName: 'Cap Marché' };
const point: GlnHolder = {
  kind: 'delivery-point',
  deliveryPointId: 10,
  deliveryPointCode: 'C001-DP1',
  deliveryPointName: 'Entrepôt Saran',
  customerId: 1,
  customerCode: 'C001',
  customerName: 'Cap Marché',
};
const partner: GlnHolder = {
  kind: 'edi-partner',
  partnerId: 3,
  partnerName: 'Cap Marché',
  customerId: 1,
  customerCode: 'C001',
  customerName: 'Cap Marché',
};

describe('glnClash', () => {
  it('lets a record keep its own GLN, and take a free one', () => {
    expect(glnClash({ kind: 'customer', customerId: 1 }, account, partner)).toBeNull();
    expect(glnClash({ kind: 'delivery-point', deliveryPointId: 10, customerId: 1 }, point, null)).toBeNull();
    expect(glnClash({ kind: 'customer', customerId: null }, null, null)).toBeNull();
  });

  it("refuses another customer the GLN of an account, of a point, or of another customer's EDI partner", () => {
    expect(glnClash({ kind: 'customer', customerId: 14 }, account, partner)).toBe(account);
    expect(glnClash({ kind: 'delivery-point', deliveryPointId: null, customerId: 14 }, point, null)).toBe(point);
    expect(glnClash({ kind: 'customer', customerId: 14 }, null, partner)).toBe(partner);
    expect(glnClash({ kind: 'customer', customerId: null }, null, partner)).toBe(partner);
  });

  it('refuses a customer its own point’s GLN and a point its account’s: a GLN names one party', () => {
    expect(glnClash({ kind: 'customer', customerId: 1 }, point, null)).toBe(point);
    expect(glnClash({ kind: 'delivery-point', deliveryPointId: 11, customerId: 1 }, account, partner)).toBe(account);
  });

  it("lets a partner's customer hold the partner's GLN once, and a partner send as its own customer's GLN only", () => {
    expect(glnClash({ kind: 'delivery-point', deliveryPointId: null, customerId: 1 }, null, partner)).toBeNull();
    expect(glnClash({ kind: 'edi-partner', customerId: 1 }, account, null)).toBeNull();
    expect(glnClash({ kind: 'edi-partner', customerId: 2 }, point, null)).toBe(point);
  });

  it('names the holder for the person who sorts it out', () => {
    expect([account, point, partner].map(describeGlnHolder)).toEqual([
      'customer C001 Cap Marché',
      'delivery point C001-DP1 Entrepôt Saran of customer C001',
      'EDI partner Cap Marché of customer C001',
    ]);
  });
});
