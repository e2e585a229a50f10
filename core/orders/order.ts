import type { Channel } from '../customers/customer.ts';
import type { IsoDate } from '../calendar/dates.ts';
import type { PricedCharge } from '../pricing/pricing.types.ts';
import type { OrderStatus } from './lifecycle.ts';
import type { OrderTotals } from './totals.ts';

export const LINE_STATUSES = ['open', 'delivered', 'backordered', 'short_cancelled', 'cancelled'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const SHORTFALL_CHOICES = ['backorder', 'cancel'] as const;
export type ShortfallChoice = (typeof SHORTFALL_CHOICES)[number];

export type OrderLine = {
  id: number;
  lineNo: number;
  productId: number;
  productCode: string;
  productName: string;
  customerCode: string | null;
  quantity: number;
  saleUnit: string;
  unitPriceCents: number;
  netCents: number;
  vatRateBp: number;
  deliveredQuantity: number | null;
  status: LineStatus;
  backorderOfLineId: number | null;
  /** The promotion that priced the line; the free goods it earned, delivered on top and invoiced at zero. */
  promotionId: number | null;
  freeQuantity: number;
  /** The warehouse release must use (a risk decision bound the line there); null: release chooses. */
  warehouseId: number | null;
  /** The date the line leaves on, in its own delivery, when a part was split off; null: the order's date. */
  plannedDate: IsoDate | null;
  /** EDI: the net unit price the customer expects (PRI), and the one the desk agreed to invoice (his, accepted). */
  expectedUnitPriceCents: number | null;
  agreedUnitPriceCents: number | null;
  /** EDI: the buyer's line number. */
  customerLineNo: number | null;
};

export type Order = {
  id: number;
  number: string;
  status: OrderStatus;
  customerId: number;
  customerName: string;
  deliveryPointId: number;
  deliveryPointName: string;
  channel: Channel;
  customerRef: string | null;
  requestedDate: IsoDate | null;
  promisedDate: IsoDate | null;
  note: string | null;
  backorderOfOrderId: number | null;
  /** What the customer's EDI order stated for a shortage (EDIFACT 4493: SC, BK, SP, IS, CD); it beats his settings. */
  deliveryRequirement: string | null;
  createdAt: string;
  updatedAt: string;
  lines: OrderLine[];
  /** Shipping below franco, date surcharges: what the order was priced with, counted in its totals. */
  charges: PricedCharge[];
  totals: OrderTotals;
};
