/** A customer's lists of values, apart so that the schemas can name them without importing the types they shape. */
export const TYPOLOGIES = ['GMS_CENTRALE', 'GROSSISTE', 'ARTISAN', 'INDUSTRIE', 'RHD'] as const;
export type Typology = (typeof TYPOLOGIES)[number];
export const CHANNELS = ['phone', 'email', 'fax', 'edi', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];
