import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// The rules' verdict stored with the order (issue 3): each finding with its French and English message, the line it
// concerns and its figures, and who approved or overrode it and why. The order keeps the charges it was priced with
// (shipping below franco, date surcharges) so its totals are those the customer was told; a line keeps the
// promotion that priced it and the free goods it earned.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('order_findings')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    // block, approval, warning, info
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message_fr', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    // The order line it concerns (lines of a draft are rewritten on each edit, so no foreign key), and its number.
    .addColumn('line_id', 'integer')
    .addColumn('line_no', 'integer')
    .addColumn('data_json', 'text', (c) => c.notNull())
    // A manager's approval (approval findings) or override (block findings): who, when, why.
    .addColumn('overridden_by', 'integer', (c) => c.references('users.id'))
    .addColumn('overridden_at', 'text')
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema.createIndex('order_findings_order').on('order_findings').column('order_id').execute();
  // Every save and confirm reads the customer's usual products (its order lines of the last months, by product):
  // with the product in the index, that read never touches the lines themselves.
  await db.schema.createIndex('order_lines_order_product').on('order_lines').columns(['order_id', 'product_id']).execute();

  // [{kind, labelFr, labelEn, netCents, vatRateBp}]: read whole with the order; the sum kept apart for reports.
  await db.schema.alterTable('orders').addColumn('charges_json', 'text').execute();
  await db.schema
    .alterTable('orders')
    .addColumn('charges_net_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('order_lines').addColumn('promotion_id', 'integer').execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('free_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('order_lines_order_product').execute();
  await db.schema.alterTable('order_lines').dropColumn('free_quantity').execute();
  await db.schema.alterTable('order_lines').dropColumn('promotion_id').execute();
  await db.schema.alterTable('orders').dropColumn('charges_net_cents').execute();
  await db.schema.alterTable('orders').dropColumn('charges_json').execute();
  await db.schema.dropTable('order_findings').execute();
}
