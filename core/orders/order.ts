import type { Static } from '@sinclair/typebox';
import type { OrderLineSchema, OrderSchema } from './orders.schemas.ts';

export { LINE_STATUSES, SHORTFALL_CHOICES, type LineStatus, type ShortfallChoice } from './line-enums.ts';

// The order as the API carries it is declared once, as its schema (orders.schemas.ts), imported as a type only.
export type OrderLine = Static<typeof OrderLineSchema>;
export type Order = Static<typeof OrderSchema>;
