import type { DeliverySums } from '../../core/reports/figures.ts';

// Tables of the reports capability (migrations 2026_12_08_0100, 0400): the facts of every delivered order and line, written
// in the delivery's transaction (facts.repository.ts). Columns mirror core/reports/figures.ts OrderFact / LineFact.

export type ReportOrdersTable = {
  orderId: number;
  customerId: number;
  assistantId: number | null;
  channel: string;
  orderedOn: string;
  dueOn: string | null;
  deliveredOn: string;
  onTime: number;
  inFull: number;
  lateDays: number;
  leadTimeDays: number;
  lines: number;
  linesComplete: number;
  quantityOrdered: number;
  quantityDelivered: number;
  backorders: number;
  /** Null only on a row the 0400 migration found without an order (none: facts follow their order). */
  deliveryPointId: number | null;
  confirmedAt: string | null;
  confirmBy: string | null;
  confirmedOnTime: number;
  touchedBy: number | null;
  touchless: number;
};

export type ReportLinesTable = {
  lineId: number;
  orderId: number;
  customerId: number;
  assistantId: number | null;
  productId: number;
  warehouseId: number | null;
  deliveredOn: string;
  lineNo: number;
  quantity: number;
  delivered: number;
  status: string;
  onTime: number;
};

/** The order figures' sums per ISO week (its Monday), customer and assistant (0: none): migration 2026_12_09_0100. */
export type ReportWeekCustomersTable = { weekStart: string; customerId: number; assistantId: number } & DeliverySums;
