import type { Generated } from 'kysely';

export type CustomersTable = {
  id: Generated<number>;
  code: string;
  name: string;
  typology: string;
  siret: string | null;
  vatNumber: string | null;
  gln: string | null;
  street: string;
  postcode: string;
  city: string;
  country: Generated<string>;
  phone: string | null;
  email: string | null;
  preferredChannel: string;
  paymentTerms: string;
  creditLimitCents: number;
  priceListId: number | null;
  assistantUserId: number | null;
  /** 1: an order from the customer portal that needs nobody confirms on its own (migration 2026_12_07_0200). */
  portalAutoConfirm: Generated<number>;
  /** Name, code and city, lower-case without accents (core/shared/search-text.ts): what the search reads. */
  searchText: string;
  createdAt: string;
  updatedAt: string;
};

export type DeliveryPointsTable = {
  id: Generated<number>;
  customerId: number;
  code: string;
  name: string;
  gln: string | null;
  street: string;
  postcode: string;
  city: string;
  country: Generated<string>;
  /** Comma-separated weekdays, e.g. "TUE,FRI". */
  deliveryWeekdays: string;
  leadTimeDays: number;
  cutoffTime: string;
  windowFrom: string | null;
  windowTo: string | null;
  appointmentRequired: number;
  unloadingNotes: string | null;
  isDefault: number;
  /** Name, code and city, lower-case without accents. */
  searchText: string;
};

export type ContactsTable = {
  id: Generated<number>;
  customerId: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  preferredHours: string | null;
};

/**
 * Every GLN of a customer account or a delivery point, once: kept by database triggers from both tables
 * (migration 2026_12_01_0100_gln_holders), never written by the application.
 */
export type GlnHoldersTable = {
  gln: string;
  customerId: number;
  /** Null: the account's own GLN. */
  deliveryPointId: number | null;
};

/** A note for colleagues (migration 2026_12_06_0300): a pinned one shows at order entry and on the call screen. */
export type CustomerNotesTable = {
  id: Generated<number>;
  customerId: number;
  authorId: number | null;
  at: string;
  text: string;
  /** 1/0 */
  pinned: number;
  mood: string | null;
  updatedAt: string;
};
