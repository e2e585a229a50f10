import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// EDI intake and outbound (issue 5): partners, the interchanges received (raw bytes stored first, as a document),
// their messages (one transaction each) and the messages we send back (ORDRSP, DESADV, INVOIC).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('edi_partners')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // The GLN the partner sends as (UNB sender), unique: it names the partner of an interchange.
    .addColumn('gln', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // argon2id of the API token; the token itself is shown once, at creation or rotation.
    .addColumn('token_hash', 'text')
    .addColumn('auto_confirm', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inbox_folder', 'text', (c) => c.notNull())
    .addColumn('outbox_folder', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('edi_interchanges')
    .addColumn('id', idType, id)
    .addColumn('partner_id', 'integer', (c) => c.references('edi_partners.id'))
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('control_reference', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // folder | http | cli
    .addColumn('door', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    // The raw bytes, stored before anything is parsed.
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    // received → processed | partially-rejected | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings_json', 'text')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The idempotency key: the same interchange sent again creates nothing.
    .addUniqueConstraint('edi_interchanges_key', ['sender', 'control_reference'])
    .execute();

  await db.schema
    .createTable('edi_messages')
    .addColumn('id', idType, id)
    .addColumn('interchange_id', 'integer', (c) => c.notNull().references('edi_interchanges.id'))
    .addColumn('message_reference', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // accepted (order created, confirmed or draft) | queued (waits for a fix) | rejected | done (INVRPT recorded)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('document_number', 'text')
    .addColumn('error', 'text')
    .addColumn('issues_json', 'text')
    .addColumn('raw_text', 'text', (c) => c.notNull())
    .addColumn('first_segment', 'integer', (c) => c.notNull())
    .addColumn('last_segment', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A crash mid-file then a re-import: messages already committed are recognised and skipped.
    .addUniqueConstraint('edi_messages_key', ['interchange_id', 'message_reference'])
    .execute();
  await db.schema.createIndex('edi_messages_status').on('edi_messages').columns(['status', 'id']).execute();
  await db.schema.createIndex('edi_messages_order').on('edi_messages').column('order_id').execute();

  await db.schema
    .createTable('edi_outbound')
    .addColumn('id', idType, id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('partner_id', 'integer', (c) => c.notNull().references('edi_partners.id'))
    // ORDRSP | DESADV | INVOIC
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('control_reference', 'text', (c) => c.notNull())
    // pending (queued in the transaction) → written (file in the outbox, stored) | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('filename', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text')
    .execute();
  await db.schema.createIndex('edi_outbound_order').on('edi_outbound').column('order_id').execute();
  await db.schema.createIndex('edi_outbound_status').on('edi_outbound').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('edi_outbound').execute();
  await db.schema.dropTable('edi_messages').execute();
  await db.schema.dropTable('edi_interchanges').execute();
  await db.schema.dropTable('edi_partners').execute();
}
