import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code.
// Issue 16 § 2: a change to a confirmed order that needs a manager waits for one. The change is kept as it was asked
// (the PATCH body), with the findings that stopped it and the order as it stood when asked (its lines, date, delivery
// point and note: a change asked on an order that moved since is not applied blindly); the manager's answer, who, when and why, beside it. One
// pending request per order at most: the partial unique index says so to both engines.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('order_change_requests')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('asked_against', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .execute();
  await db.schema.createIndex('order_change_requests_order').on('order_change_requests').column('order_id').execute();
  await db.schema
    .createIndex('order_change_requests_one_pending')
    .on('order_change_requests')
    .column('order_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('order_change_requests_status').on('order_change_requests').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_change_requests').execute();
}
