import type { DbOrTrx } from '../db/database.ts';

/** Every delivery line a lot left on (of one product, or of any product with that lot number), oldest first. */
export function listLotShipments(db: DbOrTrx, lot: string, productId: number | undefined) {
  let q = db
    .selectFrom('deliveryLineLots')
    .innerJoin('deliveryLines', 'deliveryLines.id', 'deliveryLineLots.deliveryLineId')
    .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
    .innerJoin('orders', 'orders.id', 'deliveries.orderId')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .innerJoin('products', 'products.id', 'deliveryLines.productId')
    .select([
      'deliveries.id as deliveryId',
      'deliveries.number as deliveryNumber',
      'orders.id as orderId',
      'orders.number as orderNumber',
      'customers.id as customerId',
      'customers.code as customerCode',
      'customers.name as customerName',
      'products.id as productId',
      'products.code as productCode',
      'products.name as productName',
      'deliveryLineLots.quantity',
      'deliveryLineLots.bestBefore',
      'deliveries.shippedAt',
      'deliveries.deliveredAt',
    ])
    .where('deliveryLineLots.lot', '=', lot);
  if (productId !== undefined) q = q.where('deliveryLines.productId', '=', productId);
  return q.orderBy('deliveries.shippedAt').orderBy('deliveries.id').execute();
}

/** What of the lot is still in the warehouses. */
export function listLotStock(db: DbOrTrx, lot: string, productId: number | undefined) {
  let q = db
    .selectFrom('stockLots')
    .innerJoin('warehouses', 'warehouses.id', 'stockLots.warehouseId')
    .innerJoin('products', 'products.id', 'stockLots.productId')
    .select([
      'warehouses.code as warehouseCode',
      'warehouses.name as warehouseName',
      'products.code as productCode',
      'stockLots.quantity',
      'stockLots.bestBefore',
    ])
    .where('stockLots.lot', '=', lot)
    .where('stockLots.quantity', '>', 0);
  if (productId !== undefined) q = q.where('stockLots.productId', '=', productId);
  return q.orderBy('warehouses.code').orderBy('products.code').execute();
}

/** The lots that left on the order lines a complaint names (on its delivery, when it names one). */
export function listComplaintLots(db: DbOrTrx, c: { orderId: number; deliveryId: number | null; orderLineIds: readonly number[] }) {
  if (c.orderLineIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('deliveryLineLots')
    .innerJoin('deliveryLines', 'deliveryLines.id', 'deliveryLineLots.deliveryLineId')
    .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
    .innerJoin('products', 'products.id', 'deliveryLines.productId')
    .select([
      'products.id as productId',
      'products.code as productCode',
      'deliveryLineLots.lot',
      'deliveryLineLots.bestBefore',
      'deliveryLineLots.quantity',
    ])
    .where('deliveries.orderId', '=', c.orderId)
    .where('deliveryLines.orderLineId', 'in', [...c.orderLineIds])
    .where('deliveryLineLots.lot', 'is not', null);
  if (c.deliveryId !== null) q = q.where('deliveries.id', '=', c.deliveryId);
  return q.orderBy('deliveryLineLots.id').execute();
}
