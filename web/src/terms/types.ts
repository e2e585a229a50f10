import type { PromotionMechanism } from '../../../core/pricing/pricing.types.ts';

// What /api/terms, /api/customers/{id}/terms and /api/promotions answer: the schemas' own types.
export type { CustomerTerms, TermsOfSale, TypologyTermsInput as TypologyTerms } from '../../../core/terms/terms.schemas.ts';

export type Mechanism = PromotionMechanism;
export type { PromotionAnswer as PromotionView } from '../../../core/pricing/pricing.schemas.ts';

/** Euros typed in a field ↔ cents; blank = null. */
export const toCents = (v: number | string) => (v === '' || v === null ? null : Math.round(Number(v) * 100));
export const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? '' : cents / 100);
