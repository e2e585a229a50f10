import type { IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer.ts';
import type { Bilingual } from '../shared/bilingual.ts';

export const RISK_CAUSES = ['stock-shortfall', 'receipt-late', 'production-shortfall', 'truck-capacity', 'appointment-missing'] as const;
export type RiskCause = (typeof RISK_CAUSES)[number];
export const RISK_STATUSES = ['open', 'resolved', 'obsolete'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** What a customer's logistics agreement charges, as the exposure of a risk needs it (cents, basis points). */
export type RiskPenaltyTerms = {
  l441Applicable: boolean;
  missingValueBp: number | null;
  lateFlatCents: number | null;
  latePerDayCents: number | null;
  incidentFlatCents: number | null;
  /** L441-17: 2 % of the value ordered in the category. */
  capBp: number;
};

/** A confirmed or released order, with what the scan needs of its customer and delivery point. */
export type RiskOrder = {
  orderId: number;
  orderNumber: string;
  customerId: number;
  typology: Typology;
  /** Released lines hold their goods (reserved): on a same date they are served before confirmed ones. */
  released: boolean;
  promisedDate: IsoDate;
  minRemainingShelfLifePct: number | null;
  appointmentRequired: boolean;
  appointmentAt: string | null;
  /** The order's load against one truck. */
  palletsCenti: number;
  weightG: number;
  truck: { maxPallets: number; maxWeightG: number };
  penalty: RiskPenaltyTerms | null;
};

/** One open line; lines share their order's object (50 000 lines, a tenth as many orders). */
export type RiskLine = {
  order: RiskOrder;
  lineId: number;
  lineNo: number;
  productId: number;
  quantity: number;
  netCents: number;
  penaltyCategory: string | null;
  /** The warehouse the line leaves from: its delivery's once released, or the one a decision bound it to; null: release will choose. */
  warehouseId: number | null;
  /** The line's own date when a part was split off to leave later; null: the order's promised date. */
  plannedDate: IsoDate | null;
};

/** A receipt as the scan sees it: `originalDate` is the date first planned, so a slip can be told from a plan. */
export type RiskReceipt = {
  id: number;
  date: IsoDate;
  originalDate: IsoDate;
  quantity: number;
  status: 'planned' | 'cancelled';
  ref: string | null;
  /** Made by our own plants (a production order): a production shortfall cuts it; a purchase or transfer stays whole. */
  production: boolean;
};

/** What one warehouse holds of a product, and what it will receive. */
export type WarehouseStockView = {
  warehouseId: number;
  onHand: number;
  lots: readonly { productionDate: IsoDate | null; bestBefore: IsoDate; quantity: number }[];
  receipts: readonly RiskReceipt[];
};

export type ProductStock = {
  shelfLifeDays: number | null;
  /** A line leaves from one warehouse: each is its own pool of goods. */
  warehouses: readonly WarehouseStockView[];
};

export type StockView = ReadonlyMap<number, ProductStock>;

export type PriorityPart = { factor: 'days-left' | 'typology' | 'penalty' | 'value'; points: number; label: Bilingual };
export type Priority = { score: number; reason: Bilingual; parts: PriorityPart[] };

export type Risk = {
  /** Same problem, same key from one scan to the next: order, line (none for an order-wide cause), cause, date. */
  key: string;
  orderId: number;
  orderLineId: number | null;
  customerId: number;
  productId: number | null;
  cause: RiskCause;
  promisedDate: IsoDate;
  daysLeft: number;
  /** Sale units that will be missing on the date (0 for an order-wide cause). */
  shortfall: number;
  /** The value at stake: the missing goods, or the whole order for an order-wide cause. */
  valueCents: number;
  exposureCents: number;
  /** The receipt that slipped or was cancelled (`receipt-late`), or the production run cut (`production-shortfall`). */
  receiptRef: string | null;
  /** The warehouse that serves (or would serve) the line and is short; null for an order-wide cause. */
  warehouseId: number | null;
  priority: Priority;
};
