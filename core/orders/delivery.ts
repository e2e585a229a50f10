import type { Static } from '@sinclair/typebox';
import type { DeliverySchema } from './orders.schemas.ts';

/** Where a delivery stands: planned at release, shipped with its note, delivered once the customer signed. */
export const DELIVERY_STATUSES = ['planned', 'shipped', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A delivery of an order as the API answers it: lines, the lots that left on them, its note's public id. */
export type Delivery = Static<typeof DeliverySchema>;
