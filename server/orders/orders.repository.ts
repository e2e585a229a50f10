import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import { hasEveryWord, lowerLike } from '../db/search-pattern.ts';
import type { OrderLinesTable, OrdersTable } from './orders.table.ts';

export type NewOrderRow = Insertable<OrdersTable>;
export type NewOrderLineRow = Insertable<OrderLinesTable>;

export async function insertOrder(trx: Trx, values: NewOrderRow): Promise<number> {
  const row = await trx.insertInto('orders').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Many orders in as few statements as the bound-value limit allows. Returns their ids by order number: neither
 * engine promises RETURNING rows in VALUES order, so they are matched by a unique key, not by position.
 */
export async function insertOrders(trx: Trx, values: readonly NewOrderRow[]): Promise<Map<string, number>> {
  return new Map((await insertRows(trx, 'orders', values, ['id', 'number'])).map((r) => [r.number as string, r.id as number]));
}

/** The lines of one or many orders, a few statements for all: their ids by order id, then by line number. */
export async function insertLinesOfOrders(trx: Trx, lines: readonly NewOrderLineRow[]): Promise<Map<number, Map<number, number>>> {
  const ids = new Map<number, Map<number, number>>();
  for (const r of await insertRows(trx, 'orderLines', lines, ['id', 'orderId', 'lineNo'])) {
    const order = ids.get(r.orderId as number) ?? new Map<number, number>();
    order.set(r.lineNo as number, r.id as number);
    ids.set(r.orderId as number, order);
  }
  return ids;
}

/** One statement for all the lines of one order: a 10-line order costs one round trip, not ten. Their ids by line number. */
export async function insertOrderLines(trx: Trx, lines: readonly NewOrderLineRow[]): Promise<Map<number, number>> {
  return [...(await insertLinesOfOrders(trx, lines)).values()][0] ?? new Map();
}

export async function deleteOrderLines(trx: Trx, orderId: number): Promise<void> {
  await trx.deleteFrom('orderLines').where('orderId', '=', orderId).execute();
}

export async function updateOrder(trx: Trx, id: number, patch: Updateable<OrdersTable>): Promise<void> {
  await trx.updateTable('orders').set(patch).where('id', '=', id).execute();
}

/**
 * Moves the status only if it is still the one that was read: on PostgreSQL the UPDATE locks the row, so of two
 * concurrent transitions the second finds nothing to update instead of applying twice.
 */
export async function updateOrderStatus(
  trx: Trx,
  id: number,
  from: string,
  patch: Updateable<OrdersTable> & { status: string },
): Promise<boolean> {
  const result = await trx.updateTable('orders').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateOrderLine(trx: Trx, id: number, patch: Updateable<OrderLinesTable>): Promise<void> {
  await trx.updateTable('orderLines').set(patch).where('id', '=', id).execute();
}

export async function setOrderLinesStatus(trx: Trx, orderId: number, status: string): Promise<void> {
  await trx.updateTable('orderLines').set({ status }).where('orderId', '=', orderId).execute();
}

export async function findOrderRow(db: DbOrTrx, id: number) {
  return db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .innerJoin('deliveryPoints', 'deliveryPoints.id', 'orders.deliveryPointId')
    .selectAll('orders')
    .select(['customers.name as customerName', 'deliveryPoints.name as deliveryPointName'])
    .where('orders.id', '=', id)
    .executeTakeFirst();
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrderRow>>>;

/** The lines with what the screen shows of their product and what the totals need (packaging, weight). */
export async function listOrderLineRows(db: DbOrTrx, orderId: number) {
  return db
    .selectFrom('orderLines')
    .innerJoin('products', 'products.id', 'orderLines.productId')
    .leftJoin('promotions', 'promotions.id', 'orderLines.promotionId')
    .selectAll('orderLines')
    .select([
      'promotions.name as promotionName',
      'promotions.discountBp as promotionRateBp',
      'products.code as productCode',
      'products.name as productName',
      'products.saleUnit',
      'products.unitsPerCarton',
      'products.cartonsPerLayer',
      'products.layersPerPallet',
      'products.grossWeightG',
    ])
    .where('orderLines.orderId', '=', orderId)
    .orderBy('orderLines.lineNo')
    .execute();
}
export type OrderLineRow = Awaited<ReturnType<typeof listOrderLineRows>>[number];

export async function listBackorders(db: DbOrTrx, orderId: number) {
  return db.selectFrom('orders').select(['id', 'number']).where('backorderOfOrderId', '=', orderId).orderBy('id').execute();
}

/** How many backorders already carry `base-R…`, so the next one is numbered after them. */
export async function countNumbersStartingWith(db: DbOrTrx, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type OrderFilters = {
  status?: string;
  customerId?: number;
  channel?: string;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  offset: number;
};

export async function listOrderSummaryRows(db: DbOrTrx, f: OrderFilters) {
  let q = db.selectFrom('orders');
  if (f.status) q = q.where('orders.status', '=', f.status);
  if (f.customerId !== undefined) q = q.where('orders.customerId', '=', f.customerId);
  if (f.channel) q = q.where('orders.channel', '=', f.channel);
  if (f.from) q = q.where('orders.requestedDate', '>=', f.from);
  if (f.to) q = q.where('orders.requestedDate', '<=', f.to);
  const text = f.q;
  if (text)
    // What a person types for an order: its number, the customer's PO, the customer's name, a delivery note's number.
    q = q.where((eb) =>
      eb.or([
        lowerLike(eb.ref('orders.number'), text, 'contains'),
        lowerLike(eb.ref('orders.customerRef'), text, 'contains'),
        eb(
          'orders.customerId',
          'in',
          eb
            .selectFrom('customers')
            .select('customers.id')
            .where((c) => hasEveryWord(c.ref('customers.searchText'), text)),
        ),
        eb(
          'orders.id',
          'in',
          eb
            .selectFrom('deliveries')
            .select('deliveries.orderId')
            .where((d) => lowerLike(d.ref('deliveries.deliveryNoteNumber'), text, 'contains')),
        ),
      ]),
    );
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .innerJoin('customers', 'customers.id', 'orders.customerId')
      .select([
        'orders.id',
        'orders.number',
        'orders.status',
        'orders.customerId',
        'customers.name as customerName',
        'orders.deliveryPointId',
        'orders.channel',
        'orders.customerRef',
        'orders.requestedDate',
        'orders.promisedDate',
        'orders.netCents',
        'orders.vatCents',
        'orders.grossCents',
        'orders.backorderOfOrderId',
        'orders.createdAt',
      ])
      .select((eb) =>
        eb
          .selectFrom('orderLines')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('orderLines.orderId', '=', 'orders.id')
          .as('lineCount'),
      )
      .orderBy('orders.createdAt', 'desc')
      .orderBy('orders.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  return { rows, total: Number(total) };
}

/** The heads of the orders waiting for a manager, with who and for whom. */
export function listApprovalOrderRows(db: DbOrTrx, ids: readonly number[]) {
  return db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .leftJoin('users', 'users.id', 'orders.createdBy')
    .select([
      'orders.id',
      'orders.number',
      'orders.customerId',
      'customers.name as customerName',
      'orders.channel',
      'orders.requestedDate',
      'orders.createdAt',
      'users.name as createdByName',
      'orders.netCents',
      'orders.grossCents',
    ])
    .where('orders.id', 'in', ids.length ? [...ids] : [-1])
    .execute();
}
