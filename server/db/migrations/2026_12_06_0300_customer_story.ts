import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// The customer's whole story (issue 12): notes for colleagues (one may be pinned: it shows at order entry and on the
// call screen), each with the mood the customer was in, and the indexes the timeline's keyset reads need so a
// customer with years of history answers fast: every source is read newest first by (time, id) for one customer.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('customer_notes')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // 1/0: shown at order entry and on the call screen.
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('mood', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_notes_story').on('customer_notes').columns(['customer_id', 'at', 'id']).execute();

  await db.schema.createIndex('orders_customer_story').on('orders').columns(['customer_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('risks_customer_story').on('risks').columns(['customer_id', 'detected_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('risks_customer_story').execute();
  await db.schema.dropIndex('orders_customer_story').execute();
  await db.schema.dropTable('customer_notes').execute();
}
