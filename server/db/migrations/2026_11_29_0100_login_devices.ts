import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Failed logins slow the next ones per account, per known browser and per address. A browser that logged in
// before carries a device cookie whose hash is kept here; attempts record the device they came from, so that an
// attacker's failures elsewhere never slow the owner's usual browser. Attempts are also looked up by address.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_devices_user').on('login_devices').column('user_id').execute();
  await db.schema.alterTable('login_attempts').addColumn('device_id', 'text').execute();
  await db.schema.createIndex('login_attempts_ip_at').on('login_attempts').columns(['ip', 'at']).execute();
  await db.schema.createIndex('login_attempts_device_at').on('login_attempts').columns(['device_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_attempts_device_at').execute();
  await db.schema.dropIndex('login_attempts_ip_at').execute();
  await db.schema.alterTable('login_attempts').dropColumn('device_id').execute();
  await db.schema.dropTable('login_devices').execute();
}
