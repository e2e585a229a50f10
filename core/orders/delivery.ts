import type { Static } from '@sinclair/typebox';
import type { DeliverySchema } from './orders.schemas.ts';

export { DELIVERY_STATUSES, type DeliveryStatus } from './delivery-statuses.ts';

/** A delivery of an order as the API answers it: lines, the lots that left on them, its note's public id. */
export type Delivery = Static<typeof DeliverySchema>;
