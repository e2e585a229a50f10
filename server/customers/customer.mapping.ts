import type { Weekday } from '../../core/calendar/dates.ts';
import type { Channel, Contact, Customer, DeliveryPoint, Typology } from '../../core/customers/customer.ts';
import { searchText } from '../../core/shared/search-text.ts';
import type { ContactInput, CustomerInput, DeliveryPointInput } from '../../core/customers/customers.schemas.ts';
import type { ContactValues, CustomerRow, CustomerValues, DeliveryPointRow, DeliveryPointValues } from './customers.repository.ts';

/** Rows ↔ domain types, in one place for the API and the imports alike. */

export function toCustomer(row: CustomerRow): Customer {
  const { createdAt: _c, updatedAt: _u, searchText: _s, ...customer } = row;
  return { ...customer, typology: row.typology as Typology, preferredChannel: row.preferredChannel as Channel };
}

export function toDeliveryPoint(row: DeliveryPointRow): DeliveryPoint {
  const { searchText: _s, ...point } = row;
  return {
    ...point,
    deliveryWeekdays: row.deliveryWeekdays ? (row.deliveryWeekdays.split(',') as Weekday[]) : [],
    appointmentRequired: row.appointmentRequired === 1,
    isDefault: row.isDefault === 1,
  };
}

export function toContact(row: ContactValues & { id: number }): Contact {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    role: row.role ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    preferredHours: row.preferredHours ?? null,
  };
}

export function customerValues(input: CustomerInput, now: string): CustomerValues {
  return {
    code: input.code,
    name: input.name,
    typology: input.typology,
    siret: input.siret ?? null,
    vatNumber: input.vatNumber ?? null,
    gln: input.gln ?? null,
    street: input.street,
    postcode: input.postcode,
    city: input.city,
    country: input.country ?? 'FR',
    phone: input.phone ?? null,
    email: input.email ?? null,
    preferredChannel: input.preferredChannel,
    paymentTerms: input.paymentTerms,
    creditLimitCents: input.creditLimitCents,
    priceListId: input.priceListId ?? null,
    assistantUserId: input.assistantUserId ?? null,
    searchText: searchText(input.name, input.code, input.city),
    createdAt: now,
    updatedAt: now,
  };
}

export function deliveryPointValues(customerId: number, input: DeliveryPointInput, isDefault: boolean): DeliveryPointValues {
  return {
    customerId,
    code: input.code,
    name: input.name,
    gln: input.gln ?? null,
    street: input.street,
    postcode: input.postcode,
    city: input.city,
    country: input.country ?? 'FR',
    deliveryWeekdays: input.deliveryWeekdays.join(','),
    leadTimeDays: input.leadTimeDays,
    cutoffTime: input.cutoffTime,
    windowFrom: input.windowFrom ?? null,
    windowTo: input.windowTo ?? null,
    appointmentRequired: input.appointmentRequired ? 1 : 0,
    unloadingNotes: input.unloadingNotes ?? null,
    isDefault: isDefault ? 1 : 0,
    searchText: searchText(input.name, input.code, input.city),
  };
}

export function contactValues(customerId: number, input: ContactInput): ContactValues {
  return {
    customerId,
    name: input.name,
    role: input.role ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    preferredHours: input.preferredHours ?? null,
  };
}
