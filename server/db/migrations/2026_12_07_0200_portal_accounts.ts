import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// The customer portal and accounts that hold against outsiders:
// - sessions remember when they were last used, so that an idle one ends (inactivity expiry);
// - an account can be locked for a while after repeated failures, and knows when its password last changed;
// - one-time links (an invitation to a buyer, a password reset) are kept as hashes with their expiry and use;
// - a buyer may be limited to some of her customer's delivery points;
// - a customer says whether a portal order that needs nobody confirms on its own;
// - rate-limit counters live in the database, so every node of the app counts the same hits.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();
  await db.schema
    .alterTable('customers')
    .addColumn('portal_auto_confirm', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('account_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_links_user').on('account_links').column('user_id').execute();
  await db.schema
    .createTable('user_delivery_points')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('delivery_point_id', 'integer', (c) => c.notNull().references('delivery_points.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_delivery_points_pk', ['user_id', 'delivery_point_id'])
    .execute();
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_resets_at').on('rate_limit_hits').column('resets_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_hits').execute();
  await db.schema.dropTable('user_delivery_points').execute();
  await db.schema.dropTable('account_links').execute();
  await db.schema.alterTable('customers').dropColumn('portal_auto_confirm').execute();
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}
