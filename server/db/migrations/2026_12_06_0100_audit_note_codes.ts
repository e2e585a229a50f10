import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// What the server writes on the timeline (released short, shipped beyond stock, a customer's price accepted) is kept
// as codes and their params, `[{code, params}]` in JSON, which the web words in the user's language. The free-text
// `note` stays: a person's reason (cancel, approve) is data, and every note written before keeps being read as is.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('notes_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').dropColumn('notes_json').execute();
}
