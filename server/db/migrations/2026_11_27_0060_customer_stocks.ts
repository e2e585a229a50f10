import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Customer stocks (vendor-managed inventory, issue 4): the stock reports a customer sends per delivery point (CSV,
// Excel, EDI INVRPT) with their lines, each customer's VMI settings, and the generic task list the assistants work
// from (a low customer stock is the first kind; other features add theirs).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('customer_stock_reports')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('delivery_point_id', 'integer', (c) => c.notNull().references('delivery_points.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    // csv, xlsx, edi
    .addColumn('source', 'text', (c) => c.notNull())
    // The raw file as received, kept as a document.
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_stock_reports_point_date')
    .on('customer_stock_reports')
    .columns(['delivery_point_id', 'report_date'])
    .execute();
  await db.schema.createIndex('customer_stock_reports_customer').on('customer_stock_reports').column('customer_id').execute();

  await db.schema
    .createTable('customer_stock_lines')
    .addColumn('id', idType, id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('customer_stock_reports.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    // In our sale units (a customer code's unit factor already applied).
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    // The customer's own figure, in sale units a day, hundredths (31,5 → 3150); null when not given.
    .addColumn('average_daily_sales_centi', 'integer')
    // Expected extra sales during a promotion, basis points (25000 = +250 %).
    .addColumn('promo_uplift_bp', 'integer')
    .addUniqueConstraint('customer_stock_lines_report_product', ['report_id', 'product_id'])
    .execute();
  await db.schema.createIndex('customer_stock_lines_product').on('customer_stock_lines').column('product_id').execute();

  await db.schema
    .createTable('customer_vmi_settings')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target_cover_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    // What raised it, e.g. low-customer-stock; with dedupe_key, an open task is refreshed rather than repeated.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('reason_fr', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text', (c) => c.notNull())
    // 1 (most urgent) to 5, and why.
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('estimated_minutes', 'integer')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    // open, done
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('delivery_point_id', 'integer', (c) => c.references('delivery_points.id'))
    .addColumn('data_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('tasks_status_assignee').on('tasks').columns(['status', 'assignee_id', 'due_date']).execute();
  await db.schema.createIndex('tasks_kind_key').on('tasks').columns(['kind', 'dedupe_key', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tasks').execute();
  await db.schema.dropTable('customer_vmi_settings').execute();
  await db.schema.dropTable('customer_stock_lines').execute();
  await db.schema.dropTable('customer_stock_reports').execute();
}
