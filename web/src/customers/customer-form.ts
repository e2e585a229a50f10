import type { Channel, Customer, Typology } from '../../../core/customers/customer.ts';
import { blankToNull, centsToEuros, eurosToCents } from '../shared/form-values.ts';

/** The account form as typed: text everywhere, converted once on save. */
export type CustomerFormValues = {
  code: string;
  name: string;
  typology: Typology;
  siret: string;
  vatNumber: string;
  gln: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  preferredChannel: Channel;
  paymentTerms: string;
  creditLimit: string;
  priceListId: string;
};

export const EMPTY_CUSTOMER: CustomerFormValues = {
  code: '',
  name: '',
  typology: 'ARTISAN',
  siret: '',
  vatNumber: '',
  gln: '',
  street: '',
  postcode: '',
  city: '',
  country: 'FR',
  phone: '',
  email: '',
  preferredChannel: 'phone',
  paymentTerms: 'VIREMENT_30J',
  creditLimit: '0',
  priceListId: '',
};

export function customerToForm(c: Customer): CustomerFormValues {
  return {
    code: c.code,
    name: c.name,
    typology: c.typology,
    siret: c.siret ?? '',
    vatNumber: c.vatNumber ?? '',
    gln: c.gln ?? '',
    street: c.street,
    postcode: c.postcode,
    city: c.city,
    country: c.country,
    phone: c.phone ?? '',
    email: c.email ?? '',
    preferredChannel: c.preferredChannel,
    paymentTerms: c.paymentTerms,
    creditLimit: centsToEuros(c.creditLimitCents),
    priceListId: c.priceListId === null ? '' : String(c.priceListId),
  };
}

/**
 * The body of POST/PUT /api/customers. An amount that is not one is sent as it was typed so that the server's
 * validation names the field (body.creditLimitCents) like any other error.
 */
export function customerBody(v: CustomerFormValues): Record<string, unknown> {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    typology: v.typology,
    siret: blankToNull(v.siret),
    vatNumber: blankToNull(v.vatNumber),
    gln: blankToNull(v.gln),
    street: v.street.trim(),
    postcode: v.postcode.trim(),
    city: v.city.trim(),
    country: v.country.trim().toUpperCase() || 'FR',
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
    preferredChannel: v.preferredChannel,
    paymentTerms: v.paymentTerms.trim(),
    creditLimitCents: eurosToCents(v.creditLimit) ?? v.creditLimit,
    priceListId: v.priceListId ? Number(v.priceListId) : null,
  };
}
