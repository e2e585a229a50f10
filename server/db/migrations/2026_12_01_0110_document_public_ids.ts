import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { randomBytes } from 'node:crypto';

// Frozen in time: this file never imports application code.
// Documents were opened by their row number, which anyone can count. Each gets a public id of 128 random bits
// (base64url, 22 characters), unique, which the API and every link use from now on; existing documents get theirs
// here. The columns that point at a document from the records it belongs to are indexed: every download looks its
// record up by them to check who may read it.

const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('documents').addColumn('public_id', 'text').execute();
  for (;;) {
    const rows: { id: number }[] = await db
      .selectFrom('documents')
      .select('id')
      .where('public_id', 'is', null)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const cases = sql.join(
      rows.map((r) => sql`when ${r.id} then ${randomBytes(16).toString('base64url')}`),
      sql` `,
    );
    await sql`update documents set public_id = case id ${cases} end where id in (${sql.join(ids)})`.execute(db);
  }
  await db.schema.createIndex('documents_public_id').unique().on('documents').column('public_id').execute();
  // PostgreSQL can require the column now; SQLite cannot add NOT NULL to an existing column without rebuilding the
  // table, so there the application alone fills it (a document without one can be opened by nobody).
  if (pg) await sql`alter table documents alter column public_id set not null`.execute(db);

  await db.schema.createIndex('edi_interchanges_document').on('edi_interchanges').column('document_id').execute();
  await db.schema.createIndex('penalty_notices_letter_document').on('penalty_notices').column('letter_document_id').execute();
  await db.schema.createIndex('customer_stock_reports_document').on('customer_stock_reports').column('document_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'customer_stock_reports_document',
    'penalty_notices_letter_document',
    'edi_interchanges_document',
    'documents_public_id',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('documents').dropColumn('public_id').execute();
}
