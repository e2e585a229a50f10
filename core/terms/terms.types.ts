import type { IsoDate, Weekday } from '../calendar/dates.ts';
import type { TemperatureClass } from '../catalog/product.ts';
import type { Bilingual } from '../shared/bilingual.ts';

/** The packaging level an order line must be a whole number of. `unit` means any quantity. */
export type OrderMultipleUnit = 'unit' | 'carton' | 'layer' | 'pallet';

/**
 * Order multiples differ by flow (frozen by the carton, retail by the layer, sacks by the unit): a default,
 * then a family override, then a temperature override (the most specific one that matches wins: family first).
 */
export type OrderMultiples = {
  default: OrderMultipleUnit;
  byFamily?: Readonly<Record<string, OrderMultipleUnit>>;
  byTemperature?: Readonly<Partial<Record<TemperatureClass, OrderMultipleUnit>>>;
};

/** Franco: delivery free at or above the threshold (goods value HT, or pallet-equivalents for retail). */
export type Franco = { measure: 'value' | 'pallets'; threshold: number; feeBelowCents: number };

/** A delivery that costs extra on some days (Saturday round, eve of a holiday): avoidable by moving the date. */
export type DeliverySurcharge = { weekdays?: readonly Weekday[]; dates?: readonly IsoDate[]; feeCents: number; label: Bilingual };

/** Where each rule is written in the terms, quoted in messages ("selon vos CGV art. 4"). */
export type TermsArticles = Partial<Record<'minOrder' | 'franco' | 'orderMultiple' | 'leadTime' | 'truck' | 'price' | 'credit', string>>;

/**
 * The CGV parameters for the customer's typology, already merged with the customer's own agreement
 * (`mergeTerms` in server/terms/terms.mapping.ts): every rule reads its parameters here, never from constants.
 */
export type Terms = {
  /** e.g. "CGV 2026" or "Accord annuel Cap Marché 2026": named in messages. */
  reference: string;
  articles: TermsArticles;
  /** Minimum goods value HT; null = none. */
  minOrderValueCents: number | null;
  /** Minimum pallet-equivalents (retail central: 1 pallet); null = none. */
  minOrderPallets: number | null;
  /** Below the minimum: a manager approves (usual) or the order cannot be confirmed. */
  minOrderSeverity: 'block' | 'approval';
  franco: Franco | null;
  orderMultiples: OrderMultiples;
  truck: { maxPallets: number; maxWeightG: number };
  /** A customer price (EDI) within this many cents per unit of ours is not a mismatch. */
  priceMismatchToleranceCents: number;
  creditCheck: boolean;
  surcharges: readonly DeliverySurcharge[];
};

/** What a customer's agreement can change in the CGV: any field, whole (no deep merge surprises). */
export type TermsOverrides = Partial<Terms>;

export const DEFAULT_TRUCK = { maxPallets: 33, maxWeightG: 24_000_000 } as const;
