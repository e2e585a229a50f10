import { describe, expect, it } from 'vitest';
import { customerRows } from './customer-rows.ts';
import { priceListRows } from './price-list-rows.ts';
import { productRows } from './product-rows.ts';
import { stockRows } from './stock-rows.ts';

const product = {
  code: 'FAR-T55-S25',
  gtin: '3012345001021',
  name: 'Farine T55',
  family: 'FARINE',
  saleUnit: 'sac',
  netWeightG: '25000',
  grossWeightG: '25150',
  cartonsPerLayer: '5',
  layersPerPallet: '8',
  vatRate: '5,5',
  temperatureClass: 'AMBIANT',
};

const customer = {
  code: 'C100',
  name: 'Boulangerie du Centre',
  typology: 'artisan',
  street: '1 place du Martroi',
  postcode: '45000',
  city: 'Orléans',
  preferredChannel: 'PHONE',
  paymentTerms: '30J',
  creditLimit: '5 000,00',
  deliveryWeekdays: 'MAR,VEN',
  cutoffTime: '11:00',
};

const columnsOf = (read: { issues: { column: string }[] }) => read.issues.map((i) => i.column);

describe('product rows', () => {
  it('reads a good row: VAT as a percentage, enums in any case, defaults for empty cells', () => {
    const read = productRows.read(product);
    expect(read.issues).toEqual([]);
    expect(read.value).toMatchObject({
      code: 'FAR-T55-S25',
      saleUnit: 'SAC',
      vatRateBp: 550,
      unitsPerCarton: 1,
      cartonsPerLayer: 5,
      caseGtin: null,
    });
  });

  it('names the column of each fault, with the API rules (GTIN check digit, VAT rate, packaging)', () => {
    expect(columnsOf(productRows.read({ ...product, vatRate: '10', netWeightG: 'lourd', saleUnit: 'SEAU' }))).toEqual([
      'saleUnit',
      'netWeightG',
      'vatRate',
    ]);
    expect(productRows.read({ ...product, gtin: '3012345001022' }).issues).toEqual([
      { column: 'gtin', code: 'check-digit', params: {}, reason: 'has a wrong GS1 check digit' },
    ]);
    expect(columnsOf(productRows.read({ ...product, layersPerPallet: '' }))).toEqual(['layersPerPallet']);
    expect(columnsOf(productRows.read({ ...product, code: '' }))).toEqual(['code']);
  });
});

describe('customer rows', () => {
  it('reads a customer with its default ship-to at the same address, credit limit in cents', () => {
    const read = customerRows.read(customer);
    expect(read.issues).toEqual([]);
    expect(read.value!.customer).toMatchObject({ typology: 'ARTISAN', preferredChannel: 'phone', creditLimitCents: 500000 });
    expect(read.value!.customer.deliveryPoints[0]).toMatchObject({
      code: 'C100-DP1',
      name: 'Boulangerie du Centre',
      city: 'Orléans',
      deliveryWeekdays: ['TUE', 'FRI'],
      isDefault: true,
    });
  });

  it('names the ship-to columns, not the API paths', () => {
    const read = customerRows.read({ ...customer, deliveryPointGln: '3029990100208', siret: '123', email: 'x' });
    expect(columnsOf(read)).toEqual(['siret', 'email']);
    expect(columnsOf(customerRows.read({ ...customer, deliveryPointGln: '3029990100208' }))).toEqual(['deliveryPointGln']);
    expect(columnsOf(customerRows.read({ ...customer, cutoffTime: '25:00', windowFrom: '9h' }))).toEqual(['cutoffTime', 'windowFrom']);
  });
});

describe('price list and stock rows', () => {
  it('reads a price tier in euros into cents, one quantity by default', () => {
    expect(priceListRows.read({ priceListCode: 'PL-1', productCode: 'P', unitPrice: '16,505' }).value).toEqual({
      priceListCode: 'PL-1',
      productCode: 'P',
      minQuantity: 1,
      unitPriceCents: 1651,
    });
    expect(columnsOf(priceListRows.read({ priceListCode: 'PL-1', productCode: 'P', unitPrice: '0', minQuantity: '0' }))).toEqual([
      'minQuantity',
      'unitPrice',
    ]);
    expect(priceListRows.key(priceListRows.read({ priceListCode: 'PL-1', productCode: 'P', unitPrice: '1' }).value!)).not.toBe(
      priceListRows.key(priceListRows.read({ priceListCode: 'PL-1', productCode: 'P', unitPrice: '1', minQuantity: '10' }).value!),
    );
  });

  it('reads a stock count and refuses a negative one', () => {
    expect(stockRows.read({ warehouseCode: 'WH', productCode: 'P', onHand: '1 200' }).value).toEqual({
      warehouseCode: 'WH',
      productCode: 'P',
      onHand: 1200,
    });
    expect(columnsOf(stockRows.read({ warehouseCode: 'WH', productCode: 'P', onHand: '-3' }))).toEqual(['onHand']);
  });
});
