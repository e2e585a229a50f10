import type { DbOrTrx } from '../db/database.ts';
import { type DeliveryLineRow, type DeliveryRow, listDeliveryLineRows, listDeliveryRows } from './deliveries.repository.ts';

export const DELIVERY_STATUSES = ['planned', 'shipped', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryLine = {
  id: number;
  orderLineId: number;
  productId: number;
  productCode: string;
  productName: string;
  saleUnit: string;
  quantity: number;
  deliveredQuantity: number | null;
};

export type Delivery = {
  id: number;
  number: string;
  orderId: number;
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  plannedDate: string | null;
  status: DeliveryStatus;
  deliveryNoteNumber: string | null;
  /** Pallet-equivalents, to two decimals. */
  pallets: number;
  weightG: number;
  shippedAt: string | null;
  deliveredAt: string | null;
  documentId: number | null;
  createdAt: string;
  lines: DeliveryLine[];
};

function toDelivery(row: DeliveryRow, lines: DeliveryLineRow[]): Delivery {
  const { palletsCenti, ...rest } = row;
  return {
    ...rest,
    status: row.status as DeliveryStatus,
    pallets: palletsCenti / 100,
    lines: lines.map((l) => ({
      id: l.id,
      orderLineId: l.orderLineId,
      productId: l.productId,
      productCode: l.productCode,
      productName: l.productName,
      saleUnit: l.saleUnit,
      quantity: l.quantity,
      deliveredQuantity: l.deliveredQuantity,
    })),
  };
}

/** An order's deliveries with their lines, oldest first. */
export async function listOrderDeliveries(db: DbOrTrx, orderId: number): Promise<Delivery[]> {
  const rows = await listDeliveryRows(db, orderId);
  const lines = await listDeliveryLineRows(db, rows.map((r) => r.id));
  return rows.map((r) => toDelivery(r, lines.filter((l) => l.deliveryId === r.id)));
}
