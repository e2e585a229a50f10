import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Availability and delivery risks (issue 4): lots with their DDM, planned production receipts, what each customer
// accepts when short, the booked delivery appointment of an order, and the risks the scan finds.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('stock_lots')
    .addColumn('id', idType, id)
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('production_date', 'text')
    .addColumn('best_before', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stock_lots_unique', ['warehouse_id', 'product_id', 'lot'])
    .execute();
  await db.schema.createIndex('stock_lots_product').on('stock_lots').column('product_id').execute();

  await db.schema
    .createTable('planned_receipts')
    .addColumn('id', idType, id)
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    // The date first planned: a receipt that slips past an order's date is told from one never planned in time.
    .addColumn('original_date', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('planned_receipts_ref', ['warehouse_id', 'product_id', 'ref'])
    .execute();
  await db.schema.createIndex('planned_receipts_product_date').on('planned_receipts').columns(['product_id', 'date']).execute();

  // What a customer accepts when we are short, after the EDIFACT 4493 codes: SC ship complete, BK backorder,
  // SP partial (rest cancelled), IS substitutes, CD cancel if not delivered within `cancel_if_late_days`.
  await db.schema
    .createTable('customer_supply_settings')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('min_remaining_shelf_life_pct', 'integer')
    .addColumn('ship_complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepts_backorders', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('accepts_partial', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('accepts_substitutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_if_late_days', 'integer')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The slot booked at the customer's warehouse for this order (null: not booked).
  await db.schema.alterTable('orders').addColumn('appointment_at', 'text').execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', idType, id)
    .addColumn('risk_key', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('order_line_id', 'integer', (c) => c.references('order_lines.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('promised_date', 'text', (c) => c.notNull())
    .addColumn('shortfall', 'integer', (c) => c.notNull())
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('exposure_cents', 'bigint', (c) => c.notNull())
    .addColumn('priority_score', 'integer', (c) => c.notNull())
    .addColumn('priority_reason_fr', 'text', (c) => c.notNull())
    .addColumn('priority_reason_en', 'text', (c) => c.notNull())
    .addColumn('receipt_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolution_option', 'text')
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema.createIndex('risks_status_priority').on('risks').columns(['status', 'priority_score']).execute();
  await db.schema.createIndex('risks_key').on('risks').column('risk_key').execute();
  await db.schema.createIndex('risks_order').on('risks').column('order_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risks').ifExists().execute();
  await db.schema.alterTable('orders').dropColumn('appointment_at').execute();
  await db.schema.dropTable('customer_supply_settings').ifExists().execute();
  await db.schema.dropTable('planned_receipts').ifExists().execute();
  await db.schema.dropTable('stock_lots').ifExists().execute();
}
