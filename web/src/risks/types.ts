import type { RiskCause } from '../../../core/risks/risk.types.ts';

/** GET /api/risks and /api/risks/{id} (server/risks/risks.routes.ts). */
export type Risk = {
  id: number;
  orderId: number;
  orderNumber: string;
  customerRef: string | null;
  orderStatus: string;
  orderLineId: number | null;
  lineNo: number | null;
  lineQuantity: number | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  typology: string;
  productId: number | null;
  productCode: string | null;
  productName: string | null;
  saleUnit: string | null;
  cause: RiskCause;
  promisedDate: string;
  daysLeft: number;
  shortfall: number;
  valueCents: number;
  exposureCents: number;
  priorityScore: number;
  priorityReason: { fr: string; en: string };
  receiptRef: string | null;
  status: 'open' | 'resolved' | 'obsolete';
  detectedAt: string;
  resolvedAt: string | null;
  resolutionOption: string | null;
  resolutionNote: string | null;
};

/** GET /api/availability (server/stock/availability.routes.ts). */
export type AvailabilityAnswer = {
  productId: number;
  date: string;
  promisable: number;
  quantity: number | null;
  earliestCompleteDate: string | null;
  minRemainingShelfLifePct: number | null;
  byWarehouse: { warehouseId: number; onHand: number; reserved: number; tooOld: number; receipts: number; reservations: number; promisable: number }[];
};

export type PlannedReceipt = {
  id: number;
  warehouseId: number;
  warehouseCode: string;
  productId: number;
  productCode: string;
  productName: string;
  saleUnit: string;
  date: string;
  originalDate: string;
  quantity: number;
  kind: string;
  ref: string | null;
  status: 'planned' | 'cancelled';
  note: string | null;
};
