import type { Delivery, DeliveryStatus } from '../../core/orders/delivery.ts';
import type { DbOrTrx } from '../db/database.ts';
import { type DeliveryLineRow, type DeliveryRow, listDeliveryLineRows, listDeliveryRows } from './deliveries.repository.ts';
import { listShippedLots } from './ship-lots.ts';

type ShippedLotRow = Awaited<ReturnType<typeof listShippedLots>>[number];

function toDelivery(row: DeliveryRow, lines: DeliveryLineRow[], lots: ShippedLotRow[]): Delivery {
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
      lots: lots.filter((x) => x.deliveryLineId === l.id).map(({ deliveryLineId: _, belowMinShelfLife, ...x }) => ({ ...x, belowMinShelfLife: belowMinShelfLife === 1 })),
    })),
  };
}

/** An order's deliveries with their lines, oldest first. */
export async function listOrderDeliveries(db: DbOrTrx, orderId: number): Promise<Delivery[]> {
  const rows = await listDeliveryRows(db, orderId);
  const lines = await listDeliveryLineRows(db, rows.map((r) => r.id));
  const lots = rows.some((r) => r.status !== 'planned') ? await listShippedLots(db, lines.map((l) => l.id)) : [];
  return rows.map((r) => toDelivery(r, lines.filter((l) => l.deliveryId === r.id), lots));
}
