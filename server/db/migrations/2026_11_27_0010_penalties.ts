import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Logistic penalties (C. com. L441-17): the category each product's penalties are capped in, each customer's
// clause, company-wide force-majeure periods, and the penalty notices received with their contest.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema.alterTable('products').addColumn('penalty_category', 'text').execute();

  await db.schema
    .createTable('penalty_clauses')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('contract_ref', 'text')
    .addColumn('late_per_day_cents', 'integer')
    .addColumn('late_flat_cents', 'integer')
    .addColumn('missing_value_bp', 'integer')
    .addColumn('incident_flat_cents', 'integer')
    .addColumn('service_rate_target_bp', 'integer')
    .addColumn('service_rate_tolerance_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contest_period_days', 'integer')
    .addColumn('backorders_accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('l441_applicable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('force_majeure_periods')
    .addColumn('id', idType, id)
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    // Comma-separated penalty categories; null: every category.
    .addColumn('categories', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('force_majeure_periods_dates').on('force_majeure_periods').columns(['date_from', 'date_to']).execute();

  await db.schema
    .createTable('penalty_notices')
    .addColumn('id', idType, id)
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('delivery_id', 'integer', (c) => c.references('deliveries.id'))
    .addColumn('external_order_ref', 'text')
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('failure_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('claimed_cents', 'bigint', (c) => c.notNull())
    .addColumn('category_ordered_value_cents', 'bigint')
    .addColumn('proof_of_failure', 'integer', (c) => c.notNull())
    .addColumn('proof_of_harm', 'integer', (c) => c.notNull())
    .addColumn('stockout_documented', 'integer', (c) => c.notNull())
    .addColumn('deducted_from_invoice', 'integer', (c) => c.notNull())
    .addColumn('contract_basis', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('contest_deadline', 'text', (c) => c.notNull())
    .addColumn('reminder_date', 'text')
    .addColumn('contest_reason', 'text')
    .addColumn('contested_at', 'text')
    .addColumn('letter_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('accepted_cents', 'bigint')
    .addColumn('settled_at', 'text')
    .addColumn('settlement_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('penalty_notices_customer_reference', ['customer_id', 'reference'])
    .execute();
  await db.schema.createIndex('penalty_notices_status_deadline').on('penalty_notices').columns(['status', 'contest_deadline']).execute();
  await db.schema.createIndex('penalty_notices_order').on('penalty_notices').column('order_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('penalty_notices').ifExists().execute();
  await db.schema.dropTable('force_majeure_periods').ifExists().execute();
  await db.schema.dropTable('penalty_clauses').ifExists().execute();
  await db.schema.alterTable('products').dropColumn('penalty_category').execute();
}
