import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code.
// Documents printed after the commit (issue 11): a change that calls for a document (an order confirmed: its
// acknowledgement; a delivery shipped: its delivery note) writes a job row in its own transaction; a worker prints
// the file from the committed rows, files it and marks the job done in one transaction, retrying with back-off. A
// crash between the commit and the print loses nothing: the worker finds the pending job at restart.
// The rules' cache stamp (issue 11): one counter row, moved in the transaction of every audited master-data change,
// read by each node before it trusts what it keeps (two nodes on one PostgreSQL database stay exact).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('document_jobs')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    // The kind of document it prints: 'order-acknowledgement' or 'delivery_note' (the documents' own kinds).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    // The delivery a delivery note prints; null for an acknowledgement.
    .addColumn('delivery_id', 'integer', (c) => c.references('deliveries.id'))
    // 1, 2, 3… per order and kind: an acknowledgement's version, numbered when the change that calls for it commits.
    .addColumn('version', 'integer', (c) => c.notNull())
    // pending → done (document_id set), or failed once its attempts are spent.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // A worker claims a job until this instant, so two app nodes never print the same one at once.
    .addColumn('claimed_until', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    // Who an acknowledgement answers instead of the order contact: the sender of an order that came by email.
    .addColumn('reply_to_address', 'text')
    .addColumn('reply_to_name', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    // The instant of the change it documents: the date the document is issued on.
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_jobs_due').on('document_jobs').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('document_jobs_version').on('document_jobs').columns(['order_id', 'kind', 'version']).unique().execute();

  // The documents printed before: their jobs, done, so that versions keep counting from them.
  await sql`
    insert into document_jobs (kind, order_id, delivery_id, version, status, attempts, next_attempt_at, document_id, created_by, created_at, updated_at)
    select d.kind, d.order_id, dl.id, row_number() over (partition by d.order_id, d.kind order by d.id), 'done', 1,
           d.created_at, d.id, d.created_by, d.created_at, d.created_at
    from documents d left join deliveries dl on dl.document_id = d.id
    where d.order_id is not null and d.kind in ('order-acknowledgement', 'delivery_note')
    order by d.id`.execute(db);

  await sql`insert into counters (name, value) values ('master-data', 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from counters where name = 'master-data'`.execute(db);
  await db.schema.dropTable('document_jobs').execute();
}
