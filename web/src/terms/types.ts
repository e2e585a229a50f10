import type { Typology } from '../../../core/customers/customer.ts';
import type { Promotion, PromotionMechanism } from '../../../core/pricing/pricing.types.ts';
import type { Terms } from '../../../core/terms/terms.types.ts';

// What /api/terms, /api/customers/{id}/terms and /api/promotions answer (server/terms, server/pricing).

export type TypologyTerms = Omit<Terms, 'reference' | 'articles'> & { typology: Typology; leadTimeDays: number; cutoffTime: string };

export type TermsOfSale = {
  id: number;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  articles: Terms['articles'];
  typologies: TypologyTerms[];
  updatedAt: string;
};

export type TermsOverrides = {
  reference: string | null;
  minOrderValueCents: number | null;
  minOrderPallets: number | null;
  minOrderSeverity: 'block' | 'approval' | null;
  franco: Terms['franco'];
  truckMaxPallets: number | null;
  truckMaxWeightG: number | null;
  priceMismatchToleranceCents: number | null;
  creditCheck: boolean | null;
  [other: string]: unknown;
};

export type CustomerTerms = {
  customerId: number;
  typology: Typology;
  termsCode: string | null;
  overrides: TermsOverrides;
  base: Terms;
  effective: Terms;
  credit: { limitCents: number | null; unpaidBalanceCents: number; overdueCents: number; openOrdersCents: number; asOf: string | null };
  updatedAt: string | null;
};

export type Mechanism = PromotionMechanism;
export type PromotionView = Promotion & { updatedAt: string };

/** Euros typed in a field ↔ cents; blank = null. */
export const toCents = (v: number | string) => (v === '' || v === null ? null : Math.round(Number(v) * 100));
export const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? '' : cents / 100);
