import type { Generated } from 'kysely';

// Tables of the commercial rules (migration 2026_11_27_0020). JSON columns hold what core reads whole.

export type TermsOfSaleTable = {
  id: Generated<number>;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  /** core TermsArticles as JSON. */
  articlesJson: string;
  updatedBy: number | null;
  updatedAt: string;
};

export type TermsOfSaleTypologiesTable = {
  termsId: number;
  typology: string;
  minOrderValueCents: number | null;
  minOrderPallets: number | null;
  minOrderSeverity: string;
  /** Null: no franco, no shipping fee. */
  francoMeasure: string | null;
  francoThreshold: number | null;
  francoFeeBelowCents: number | null;
  /** core OrderMultiples as JSON. */
  orderMultiplesJson: string;
  leadTimeDays: number;
  cutoffTime: string;
  truckMaxPallets: number;
  truckMaxWeightG: number;
  priceMismatchToleranceCents: number;
  priceConcessionApprovalCents: number;
  creditCheck: number;
  /** core DeliverySurcharge[] as JSON. */
  surchargesJson: string;
};

/** Every column null = inherit the typology's value. */
export type CustomerTermsTable = {
  customerId: number;
  reference: string | null;
  articlesJson: string | null;
  minOrderValueCents: number | null;
  minOrderPallets: number | null;
  minOrderSeverity: string | null;
  francoMeasure: string | null;
  francoThreshold: number | null;
  francoFeeBelowCents: number | null;
  orderMultiplesJson: string | null;
  truckMaxPallets: number | null;
  truckMaxWeightG: number | null;
  priceMismatchToleranceCents: number | null;
  priceConcessionApprovalCents: number | null;
  creditCheck: number | null;
  surchargesJson: string | null;
  updatedBy: number | null;
  updatedAt: string;
};

export type PriceListOrderTiersTable = {
  priceListId: number;
  measure: string;
  /** Comma-separated families; null: all. */
  families: string | null;
  updatedAt: string;
};

export type PriceListOrderTierStepsTable = { priceListId: number; minValue: number; discountBp: number };

export type CustomerPricesTable = {
  id: Generated<number>;
  customerId: number;
  productId: number;
  unitPriceCents: number;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  updatedAt: string;
};

export type PromotionsTable = {
  id: Generated<number>;
  code: string;
  name: string;
  pitchFr: string;
  pitchEn: string | null;
  dateFrom: string;
  dateTo: string;
  /** Comma-separated typologies; null: not restricted by typology. */
  typologies: string | null;
  mechanismKind: string;
  discountBp: number | null;
  minQuantityPerLine: number | null;
  minPalletsPerLine: number | null;
  buyQuantity: number | null;
  freeQuantity: number | null;
  forcedMinQuantity: number | null;
  updatedBy: number | null;
  updatedAt: string;
};

export type PromotionProductsTable = { promotionId: number; productId: number };
export type PromotionCustomersTable = { promotionId: number; customerId: number };

export type CustomerAssortmentsTable = { customerId: number; restricted: number; updatedAt: string };
export type CustomerAssortmentProductsTable = { customerId: number; productId: number };

export type CustomerCreditTable = { customerId: number; unpaidBalanceCents: number; overdueCents: number; asOf: string };

/** The claim deadlines and service times of one version of the terms for one typology (core ClaimTerms). */
export type ClaimTermsTable = {
  termsId: number;
  typology: string;
  visibleDamageDays: number;
  otherDefectDays: number;
  answerWithinHours: number;
  resolveWithinDays: number;
  article: string | null;
};
