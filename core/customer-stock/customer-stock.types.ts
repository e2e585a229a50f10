import type { IsoDate } from '../calendar/dates.ts';
import type { OrderMultipleUnit } from '../terms/terms.types.ts';

/** Where a customer's stock report came from. */
export const STOCK_REPORT_SOURCES = ['csv', 'xlsx', 'edi'] as const;
export type StockReportSource = (typeof STOCK_REPORT_SOURCES)[number];

/** The most a stock report may say a delivery point holds of a product (sale units): a 32-bit column on both engines. */
export const MAX_STOCK_QUANTITY = 1_000_000_000;

/** One product in one stock report: what the customer held that day, in our sale units. */
export type StockSnapshot = {
  productId: number;
  date: IsoDate;
  onHand: number;
  /** The customer's own figure of what it sells a day (INVRPT, weekly file), when it gives one. */
  averageDailySales?: number | null;
};

/** What we delivered to the same delivery point: a product, a quantity received, the day it arrived. */
export type DeliveredQuantity = { productId: number; date: IsoDate; quantity: number };

/**
 * A product's daily use and where it comes from: `history` (reports and deliveries), `reported` (the customer's
 * average daily sales, for want of two reports), `none` (nothing to go on: no cover, no proposal).
 */
export type DailyUse = { productId: number; perDay: number; method: 'history' | 'reported' | 'none'; days: number };

/** Why a product gets no quantity in a proposal. */
export type ProposalSkip = 'above-target' | 'no-use';

export type ProposalLine = {
  productId: number;
  onHand: number;
  /** Already ordered and arriving by the delivery date. */
  onOrder: number;
  /** Daily use with the promotion's uplift, in sale units. */
  dailyUse: number;
  /** Days from the stock report to the delivery, consumed before the goods arrive. */
  leadTimeDays: number;
  /** Days the stock lasts at that use; null when the use is unknown or zero. */
  coverNow: number | null;
  coverAtDelivery: number | null;
  /** What the proposed quantity brings the cover to on the delivery date. */
  coverAfterDelivery: number | null;
  quantity: number;
  multiple: OrderMultipleUnit;
  /** Sale units in one multiple (a layer of 10 cartons: 10). */
  multipleSize: number;
  skipped: ProposalSkip | null;
};
