import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Production shortfalls (issue 18): a line or a plant that produces less than planned over a period — the laminating
// line down, pain-au-chocolat output cut by 60 % for ten days. The risk scan cuts the production receipts of the
// product for the warehouse it supplies, dated within the period, by that share. Ending one (output back) keeps the
// record: `ended_on` is the day output came back.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('production_shortfalls')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reduced_pct', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('ended_by', 'integer', (c) => c.references('users.id'))
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('production_shortfalls_product').on('production_shortfalls').columns(['product_id', 'from_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('production_shortfalls').ifExists().execute();
}
