import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Orders by email and fax (issue 17): each message taken from the desk's mailbox (IMAP, or a folder of .eml files),
// once — by its message-id, and by its mailbox, UIDVALIDITY and UID —, stored raw first (document_id), then read:
// its parts' text (body, PDF text, OCR of a fax), the customer it is from and what was found, kept as JSON for the
// screen that shows the original beside the draft. What the desk corrected is remembered per customer.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('intake_items')
    .addColumn('id', idType, id)
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    // Where it was taken from: `imap:<user>@<host>/<folder>` or `folder:<path>`; with the UID for IMAP.
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text')
    .addColumn('uid', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('from_address', 'text')
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('sender_json', 'text')
    .addColumn('parts_json', 'text')
    .addColumn('found_json', 'text')
    .addColumn('confidence', 'real')
    .addColumn('line_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('dismiss_reason', 'text')
    .addColumn('dismiss_note', 'text')
    .addColumn('read_error', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_items_status').on('intake_items').columns(['status', 'received_at']).execute();
  await db.schema.createIndex('intake_items_uid').on('intake_items').columns(['mailbox', 'uid_validity', 'uid']).unique().execute();
  await db.schema.createIndex('intake_items_order').on('intake_items').column('order_id').execute();

  await db.schema
    .createTable('intake_corrections')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // `product`: his wording (read_key) means this product; `unit`: his unit (read_key) for this product is unit_factor sale units.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('read_key', 'text', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('unit_factor', 'real')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('intake_corrections_key')
    .on('intake_corrections')
    .columns(['customer_id', 'kind', 'read_key', 'product_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('intake_corrections').execute();
  await db.schema.dropTable('intake_items').execute();
}
