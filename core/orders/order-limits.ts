/**
 * What one order may hold, whatever door it comes in by (typed on the screen, the API, EDI): opening an order
 * costs time in its lines, and a line's quantity times its price must stay within what both databases store.
 */
export const MAX_ORDER_LINES = 500;
/** A line's quantity, in the product's sale unit. */
export const MAX_LINE_QUANTITY = 1_000_000;
/** A unit price in cents (a price list's, a customer's EDI PRI): within a 32-bit integer column on both engines. */
export const MAX_UNIT_PRICE_CENTS = 2_000_000_000;
