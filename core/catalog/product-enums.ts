/** A product's lists of values, apart so that the schemas can name them without importing the types they shape. */
export const SALE_UNITS = ['SAC', 'COLIS', 'BIG_BAG', 'TONNE', 'UNITE'] as const;
export type SaleUnit = (typeof SALE_UNITS)[number];
export const TEMPERATURE_CLASSES = ['AMBIANT', 'SURGELE', 'FRAIS'] as const;
export type TemperatureClass = (typeof TEMPERATURE_CLASSES)[number];
export const PRODUCT_STATUSES = ['active', 'discontinued'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const VAT_RATES_BP = [550, 2000] as const;
