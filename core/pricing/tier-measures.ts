/** What an order-level tier counts: sale units, cartons, pallet-equivalents, net weight (g) or goods value (cents). */
export const TIER_MEASURES = ['units', 'cartons', 'pallets', 'weight', 'value'] as const;
export type TierMeasure = (typeof TIER_MEASURES)[number];
