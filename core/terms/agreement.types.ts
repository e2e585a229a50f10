import type { CustomerPrice } from '../pricing/pricing.types.ts';

/** The customer's own commercial situation: what it may order, how much credit it has, its own prices. */
export type CustomerAgreement = {
  /** Products agreed for this customer (référencement); null = the whole catalogue. */
  assortmentProductIds: readonly number[] | null;
  /** Null = no limit set (no credit check possible). */
  creditLimitCents: number | null;
  /** Confirmed, not yet invoiced orders, excluding the one being checked (TTC, as credit insurers count). */
  openOrdersCents: number;
  /** Invoiced and not yet paid (TTC). */
  unpaidBalanceCents: number;
  prices: readonly CustomerPrice[];
};
