import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Documents that agree (issue 16 § 6): the discrepancies between an order, its delivery notes, the customer's receipt
// and the invoice are computed from the documents each time; what the desk decided about one (a complaint opened,
// or accepted as it stands) is kept here under the order and the discrepancy's key, so a settled one stays settled.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('control_decisions')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('discrepancy_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'integer', (c) => c.references('complaints.id'))
    .addColumn('note', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('control_decisions_order_key')
    .on('control_decisions')
    .columns(['order_id', 'discrepancy_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('control_decisions').execute();
}
