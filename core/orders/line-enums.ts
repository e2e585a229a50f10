/** An order line's lists of values, apart so that the schemas can name them without importing the types they shape. */
export const LINE_STATUSES = ['open', 'delivered', 'backordered', 'short_cancelled', 'cancelled'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const SHORTFALL_CHOICES = ['backorder', 'cancel'] as const;
export type ShortfallChoice = (typeof SHORTFALL_CHOICES)[number];
