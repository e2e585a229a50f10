import type { Kysely } from 'kysely';

// Every order read asks for its backorders, and every delivery report for the delivery lines of an order
// line: without these indexes both scan whole tables that grow by thousands of rows a day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_backorder_of').on('orders').column('backorder_of_order_id').execute();
  await db.schema.createIndex('delivery_lines_order_line').on('delivery_lines').column('order_line_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_lines_order_line').execute();
  await db.schema.dropIndex('orders_backorder_of').execute();
}
