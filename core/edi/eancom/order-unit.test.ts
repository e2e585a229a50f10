import { describe, expect, it } from 'vitest';
import { interchangeBytes } from '../writer.ts';
import { inOrderedUnit, orderResponseLines } from './order-response.ts';

const item = { lineNumber: 1, gtin: '3012345002011', buyerCode: null, supplierCode: 'SUC-CRI-1KG', description: null };
const asked = {
  deliveryDate: null,
  lines: [{ lineNumber: 1, item: { lineNumber: 1, gtin: '13012345002018', buyerCode: 'CM-301877', supplierCode: null } }],
};

describe('ORDRSP in the unit the customer ordered', () => {
  it('answers a line ordered in cases of 10 in cases: quantities, prices per case, his code and case GTIN', () => {
    const line = {
      item,
      cancelled: false,
      quantity: 170,
      orderedQuantity: 160,
      netUnitPriceCents: 94,
      expectedUnitPriceCents: null,
      unitFactor: 10,
    };
    expect(inOrderedUnit(line, asked)).toMatchObject({
      item: { gtin: '13012345002018', buyerCode: 'CM-301877' },
      quantity: 17,
      orderedQuantity: 16,
      netUnitPriceCents: 940,
    });
    expect(orderResponseLines([line], null, asked)[0]).toMatchObject({
      status: 'changed',
      quantity: 17,
      reason: 'Quantité 17 au lieu de 16',
    });
  });

  it('keeps our unit when the quantity is no whole number of cases any more, or he ordered in ours', () => {
    const loose = {
      item,
      cancelled: false,
      quantity: 165,
      orderedQuantity: 160,
      netUnitPriceCents: 94,
      expectedUnitPriceCents: null,
      unitFactor: 10,
    };
    expect(inOrderedUnit(loose, asked)).toBe(loose);
    const ours = { ...loose, quantity: 160, unitFactor: null };
    expect(inOrderedUnit(ours, asked)).toBe(ours);
  });
});

describe('interchange bytes', () => {
  it('writes UNOC in ISO 8859-1, one byte per character, and UNOW in UTF-8', () => {
    const unoc = "UNA:+.? 'UNB+UNOC:3+1+2'FTX+AAO+++Quantité'";
    const bytes = interchangeBytes(unoc);
    expect(bytes.length).toBe(unoc.length);
    expect(bytes[unoc.indexOf('é')]).toBe(0xe9);
    expect(interchangeBytes("UNB+UNOW:3+1+2'é").length).toBe("UNB+UNOW:3+1+2'".length + 2);
  });
});
