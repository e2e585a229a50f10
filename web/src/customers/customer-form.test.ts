import { describe, expect, it } from 'vitest';
import { customerBody, EMPTY_CUSTOMER } from './customer-form.ts';

describe('customerBody', () => {
  it('turns the typed text into the API body', () => {
    const body = customerBody({
      ...EMPTY_CUSTOMER,
      code: ' C100 ',
      name: 'Boulangerie Test',
      creditLimit: '8 000,00',
      priceListId: '3',
      siret: ' ',
    });
    expect(body).toMatchObject({
      code: 'C100',
      name: 'Boulangerie Test',
      creditLimitCents: 800000,
      priceListId: 3,
      siret: null,
      country: 'FR',
    });
  });
  it('leaves a bad amount for the server to name', () => {
    expect(customerBody({ ...EMPTY_CUSTOMER, creditLimit: 'beaucoup' }).creditLimitCents).toBe('beaucoup');
  });
});
