import type { DbOrTrx } from '../db/database.ts';
import { type DeliveryLineRow, type DeliveryRow, listDeliveryLineRows, listDeliveryRows, listShippedLots } from './deliveries.repository.ts';

type ShippedLotRow = Awaited<ReturnType<typeof listShippedLots>>[number];

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
  /** The lots that left on it (FEFO at shipping), with their best-before date; empty until shipped. */
  lots: ShippedLot[];
};

export type ShippedLot = { lot: string | null; productionDate: string | null; bestBefore: string | null; quantity: number; belowMinShelfLife: boolean };

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
  /** The delivery note's public id (GET /api/documents/{id}), once shipped. */
  documentId: string | null;
  createdAt: string;
  lines: DeliveryLine[];
};

/** Rows grouped by a key, in their order: each delivery its lines, each line its lots, in one pass (a large order has thousands). */
function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function toDelivery(row: DeliveryRow, lines: readonly DeliveryLineRow[], lots: ReadonlyMap<number, ShippedLotRow[]>): Delivery {
  const { palletsCenti, documentId: _row, documentPublicId, ...rest } = row;
  return {
    ...rest,
    documentId: documentPublicId,
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
      lots: (lots.get(l.id) ?? []).map(({ deliveryLineId: _, belowMinShelfLife, ...x }) => ({ ...x, belowMinShelfLife: belowMinShelfLife === 1 })),
    })),
  };
}

/** An order's deliveries with their lines, oldest first. */
export async function listOrderDeliveries(db: DbOrTrx, orderId: number): Promise<Delivery[]> {
  const rows = await listDeliveryRows(db, orderId);
  const lines = await listDeliveryLineRows(db, rows.map((r) => r.id));
  const lots = rows.some((r) => r.status !== 'planned') ? await listShippedLots(db, lines.map((l) => l.id)) : [];
  const linesOf = groupBy(lines, (l) => l.deliveryId);
  const lotsOf = groupBy(lots, (x) => x.deliveryLineId);
  return rows.map((r) => toDelivery(r, linesOf.get(r.id) ?? [], lotsOf));
}
