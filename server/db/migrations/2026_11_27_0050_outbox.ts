import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// The outbox of emails (issue 5, item 6): a row is written in the transaction of the change that calls for the
// email (an order confirmed: its acknowledgement), and a sender delivers it after the commit, retrying on failure.
// Nothing is lost between the commit and the send: a restart finds the pending rows and sends them.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('outbox_emails')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('to_address', 'text')
    .addColumn('to_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    // pending → sent, or failed once retrying is pointless (a refused address) or the attempts are spent.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // A sender claims a row until this instant, so two app nodes never send the same email at once; a sender that
    // died mid-send leaves a claim that expires.
    .addColumn('claimed_until', 'text')
    .addColumn('message_id', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_emails_due').on('outbox_emails').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_emails_order').on('outbox_emails').column('order_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_emails').execute();
}
