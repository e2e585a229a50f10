import type { ColumnType, Generated } from 'kysely';

export type DeliveriesTable = {
  id: Generated<number>;
  number: string;
  orderId: number;
  warehouseId: number;
  plannedDate: string | null;
  status: string;
  deliveryNoteNumber: string | null;
  palletsCenti: number;
  weightG: number;
  shippedAt: string | null;
  deliveredAt: string | null;
  documentId: number | null;
  createdAt: string;
};

export type DeliveryLinesTable = {
  id: Generated<number>;
  deliveryId: number;
  orderLineId: number;
  productId: number;
  quantity: number;
  deliveredQuantity: number | null;
};

/** A lot that left on a delivery line (FEFO at shipping); lot null: stock no lot named. */
export type DeliveryLineLotsTable = {
  id: Generated<number>;
  deliveryLineId: number;
  lot: string | null;
  productionDate: string | null;
  bestBefore: string | null;
  quantity: number;
  belowMinShelfLife: ColumnType<number, number | undefined, number>;
};
