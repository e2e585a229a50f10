/** The kind an order acknowledgement (ARC) is filed under: each version of an order's ARC is one document of it. */
export const ACKNOWLEDGEMENT_KIND = 'order-acknowledgement';
