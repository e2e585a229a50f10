import type { IsoDate } from '../calendar/dates.ts';

/** An order line as entered or received (EDI): the product may be unknown, the customer may state a price. */
export type OrderDraftLine = {
  lineId?: number | string;
  /** Null when the customer's code matched nothing in the catalogue. */
  productId: number | null;
  /** The customer's code or GTIN as received, shown in findings about unknown products. */
  code?: string;
  quantity: number;
  /** The unit price the customer expects (EDI PRI segment), in cents. */
  expectedUnitPriceCents?: number;
  /** The customer's price the desk accepted: the line is priced at it, net, nothing taken off. */
  agreedUnitPriceCents?: number;
  /** A promotion the customer claims (EDI, or a line saved under it): checked for validity. */
  promotionId?: number;
};

export type OrderDraft = {
  lines: readonly OrderDraftLine[];
  deliveryPointId: number;
  requestedDate: IsoDate | null;
  /** Prices and promotions follow this date; defaults to the context's today (a stored order keeps its date). */
  orderDate?: IsoDate;
};
