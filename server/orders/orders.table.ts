import type { Generated } from 'kysely';

export type OrdersTable = {
  id: Generated<number>;
  number: string;
  customerId: number;
  deliveryPointId: number;
  channel: string;
  customerRef: string | null;
  requestedDate: string | null;
  promisedDate: string | null;
  status: string;
  note: string | null;
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** Pallet-equivalents × 100, kept as an integer. */
  palletsCenti: number;
  weightG: number;
  backorderOfOrderId: number | null;
  /** The slot booked at the customer's warehouse (null: none booked yet); the risk scan flags a missing one. */
  appointmentAt: string | null;
  /** The slot booked at the customer's warehouse (null: none booked yet); the risk scan flags a missing one. */
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
};

export type OrderLinesTable = {
  id: Generated<number>;
  orderId: number;
  lineNo: number;
  productId: number;
  customerCode: string | null;
  quantity: number;
  unitPriceCents: number;
  netCents: number;
  vatRateBp: number;
  deliveredQuantity: number | null;
  status: string;
  backorderOfLineId: number | null;
};

export type CountersTable = { name: string; value: number };
