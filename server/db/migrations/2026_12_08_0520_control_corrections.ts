import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Issue 16, item 6: a discrepancy between an order's documents becomes a corrected invoice in one action. The
// decision keeps the correcting document it issued (a credit note or a corrective invoice) and its number, so the
// control links to it and the same discrepancy is never corrected twice (its unique key already says so).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('control_decisions')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .execute();
  await db.schema.alterTable('control_decisions').addColumn('document_number', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('control_decisions').dropColumn('document_number').execute();
  await db.schema.alterTable('control_decisions').dropColumn('document_id').execute();
}
