import type { Delivery, DeliveryStatus } from '../../core/orders/delivery.ts';
import type { DbOrTrx } from '../db/database.ts';
import {
  type DeliveryLineRow,
  type DeliveryRow,
  listDeliveryLineRows,
  listDeliveryRows,
  listShippedLots,
} from './deliveries.repository.ts';

type ShippedLotRow = Awaited<ReturnType<typeof listShippedLots>>[number];

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
      lots: (lots.get(l.id) ?? []).map(({ deliveryLineId: _, belowMinShelfLife, ...x }) => ({
        ...x,
        belowMinShelfLife: belowMinShelfLife === 1,
      })),
    })),
  };
}

/** An order's deliveries with their lines, oldest first. */
export async function listOrderDeliveries(db: DbOrTrx, orderId: number): Promise<Delivery[]> {
  const rows = await listDeliveryRows(db, orderId);
  const lines = await listDeliveryLineRows(
    db,
    rows.map((r) => r.id),
  );
  const lots = rows.some((r) => r.status !== 'planned')
    ? await listShippedLots(
        db,
        lines.map((l) => l.id),
      )
    : [];
  const linesOf = groupBy(lines, (l) => l.deliveryId);
  const lotsOf = groupBy(lots, (x) => x.deliveryLineId);
  return rows.map((r) => toDelivery(r, linesOf.get(r.id) ?? [], lotsOf));
}
