/** Where a delivery stands: planned at release, shipped with its note, delivered once the customer signed. */
export const DELIVERY_STATUSES = ['planned', 'shipped', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
