import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Complaints (issue 12): what the customer complains of, from an order, a delivery or its lines; whether it came
// within the terms (the deadline, its clause and the dates are kept as judged when it came in: a later change of the
// terms does not move them); its service clock (first answer by a Paris wall-clock moment, resolution by a day).
// The terms of sale gain their claim deadlines and service times per typology (claim_terms; none: core's defaults).
// A task can name the complaint it is about, so the assistant's work list opens it.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('claim_terms')
    .addColumn('terms_id', 'integer', (c) => c.notNull().references('terms_of_sale.id').onDelete('cascade'))
    .addColumn('typology', 'text', (c) => c.notNull())
    .addColumn('visible_damage_days', 'integer', (c) => c.notNull())
    .addColumn('other_defect_days', 'integer', (c) => c.notNull())
    .addColumn('answer_within_hours', 'integer', (c) => c.notNull())
    .addColumn('resolve_within_days', 'integer', (c) => c.notNull())
    .addColumn('article', 'text')
    .addPrimaryKeyConstraint('claim_terms_pk', ['terms_id', 'typology'])
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', idType, id)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('delivery_id', 'integer', (c) => c.references('deliveries.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('mood', 'text')
    // 1/0: reserves written on the delivery note; null: not said.
    .addColumn('reserves_made', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('delivered_on', 'text')
    .addColumn('claim_kind', 'text', (c) => c.notNull())
    .addColumn('claim_days', 'integer', (c) => c.notNull())
    .addColumn('claim_deadline', 'text')
    .addColumn('within_terms', 'integer')
    .addColumn('clause', 'text')
    // YYYY-MM-DDTHH:MM, Europe/Paris wall clock.
    .addColumn('answer_by', 'text', (c) => c.notNull())
    .addColumn('resolve_by', 'text', (c) => c.notNull())
    // How it was settled (core RESOLUTION_OUTCOMES), why a refusal, the gesture granted, the note to the customer.
    .addColumn('outcome', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('gesture_cents', 'integer')
    .addColumn('outcome_note', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_customer').on('complaints').columns(['customer_id', 'received_at']).execute();
  await db.schema.createIndex('complaints_status').on('complaints').columns(['status', 'answer_by']).execute();

  await db.schema
    .createTable('complaint_lines')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('order_line_id', 'integer', (c) => c.notNull().references('order_lines.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_lines_complaint').on('complaint_lines').column('complaint_id').execute();

  // A credit note (avoir), numbered AV-YYYY-NNNNN without gaps (the counters, in the issuing transaction).
  await db.schema
    .createTable('credit_notes')
    .addColumn('id', idType, id)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('net_cents', 'bigint', (c) => c.notNull())
    .addColumn('vat_cents', 'bigint', (c) => c.notNull())
    .addColumn('gross_cents', 'bigint', (c) => c.notNull())
    // [{label, quantity|null, netCents, vatRateBp}]: what the PDF prints, as issued.
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_notes_complaint').on('credit_notes').column('complaint_id').execute();

  await db.schema.alterTable('tasks').addColumn('complaint_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('complaint_id').execute();
  await db.schema.dropTable('credit_notes').execute();
  await db.schema.dropTable('complaint_lines').execute();
  await db.schema.dropTable('complaints').execute();
  await db.schema.dropTable('claim_terms').execute();
}
