import type { Static } from '@sinclair/typebox';
import type { OrderLineSchema, OrderSchema } from './orders.schemas.ts';

export const LINE_STATUSES = ['open', 'delivered', 'backordered', 'short_cancelled', 'cancelled'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const SHORTFALL_CHOICES = ['backorder', 'cancel'] as const;
export type ShortfallChoice = (typeof SHORTFALL_CHOICES)[number];

// The order as the API carries it is declared once, as its schema (orders.schemas.ts), imported as a type only.
export type OrderLine = Static<typeof OrderLineSchema>;
export type Order = Static<typeof OrderSchema>;
