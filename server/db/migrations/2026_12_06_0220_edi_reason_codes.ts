import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Why an EDI message was refused is kept as a code and its params (JSON), which the web words in the user's
// language, beside the English `error` the partner reads. Rows refused before keep their text alone.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('edi_messages').addColumn('reason_code', 'text').execute();
  await db.schema.alterTable('edi_messages').addColumn('reason_params_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('edi_messages').dropColumn('reason_params_json').execute();
  await db.schema.alterTable('edi_messages').dropColumn('reason_code').execute();
}
