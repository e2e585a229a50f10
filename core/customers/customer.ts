import type { Weekday } from '../calendar/dates.ts';

export const TYPOLOGIES = ['GMS_CENTRALE', 'GROSSISTE', 'ARTISAN', 'INDUSTRIE', 'RHD'] as const;
export type Typology = (typeof TYPOLOGIES)[number];
export const CHANNELS = ['phone', 'email', 'fax', 'edi', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export type DeliveryPoint = {
  id: number;
  customerId: number;
  code: string;
  name: string;
  gln: string | null;
  street: string;
  postcode: string;
  city: string;
  country: string;
  deliveryWeekdays: Weekday[];
  leadTimeDays: number;
  cutoffTime: string;
  windowFrom: string | null;
  windowTo: string | null;
  appointmentRequired: boolean;
  unloadingNotes: string | null;
  isDefault: boolean;
};

export type Contact = {
  id: number;
  customerId: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  preferredHours: string | null;
};

export type Customer = {
  id: number;
  code: string;
  name: string;
  typology: Typology;
  siret: string | null;
  vatNumber: string | null;
  gln: string | null;
  street: string;
  postcode: string;
  city: string;
  country: string;
  phone: string | null;
  email: string | null;
  preferredChannel: Channel;
  paymentTerms: string;
  creditLimitCents: number;
  priceListId: number | null;
  assistantUserId: number | null;
};

export type CustomerDetail = Customer & { deliveryPoints: DeliveryPoint[]; contacts: Contact[] };
