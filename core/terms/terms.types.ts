import type { Static } from '@sinclair/typebox';
import type { FrancoSchema, SurchargeSchema, TermsSchema } from './terms.schemas.ts';
import type { TemperatureClass } from '../catalog/product.ts';

/** The packaging level an order line must be a whole number of. `unit` means any quantity. */
export type OrderMultipleUnit = 'unit' | 'carton' | 'layer' | 'pallet';

/**
 * Order multiples differ by flow (frozen by the carton, retail by the layer, sacks by the unit): a default,
 * then a family override, then a temperature override (the most specific one that matches wins: family first).
 */
// Its schema lists the temperatures from TEMPERATURE_CLASSES, a shape whose Static<> loses their names: kept typed here.
export type OrderMultiples = {
  default: OrderMultipleUnit;
  byFamily?: Readonly<Record<string, OrderMultipleUnit>>;
  byTemperature?: Readonly<Partial<Record<TemperatureClass, OrderMultipleUnit>>>;
};

/** Franco: delivery free at or above the threshold (goods value HT, or pallet-equivalents for retail). */
export type Franco = Static<typeof FrancoSchema>;

/** A delivery that costs extra on some days (Saturday round, eve of a holiday): avoidable by moving the date. */
export type DeliverySurcharge = Static<typeof SurchargeSchema>;

/** Where each rule is written in the terms, quoted in messages ("selon vos CGV art. 4"). */
// Its schema lists ARTICLE_KEYS, a shape whose Static<> loses their names: the rules name an article by this type.
export type TermsArticles = Partial<Record<'minOrder' | 'franco' | 'orderMultiple' | 'leadTime' | 'truck' | 'price' | 'credit', string>>;

/**
 * The CGV parameters for the customer's typology, already merged with the customer's own agreement
 * (`mergeTerms` in server/terms/terms.mapping.ts): every rule reads its parameters here, never from constants.
 */
export type Terms = Static<typeof TermsSchema>;

/** What a customer's agreement can change in the CGV: any field, whole (no deep merge surprises). */
export type TermsOverrides = Partial<Terms>;

export const DEFAULT_TRUCK = { maxPallets: 33, maxWeightG: 24_000_000 } as const;
