import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Issue 12, item 4: a credit note sent as INVOIC 381 names the invoice it corrects (RFF+IV). The invoice number the
// INVOIC 380 carried was only in its file: each outbound message now keeps the number of the document it carries.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('edi_outbound').addColumn('document_number', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('edi_outbound').dropColumn('document_number').execute();
}
