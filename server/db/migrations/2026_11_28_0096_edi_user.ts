import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// EDI orders need an author: the partner's system, not the first admin. A user named EDI with the `system` role,
// which no route allows and login refuses, and no password (no hash can match '!').
export const EDI_USER_EMAIL = 'edi@system.invalid';

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('users')
    .values({
      email: EDI_USER_EMAIL,
      name: 'EDI',
      role: 'system',
      password_hash: '!',
      customer_id: null,
      active: 1,
      // eslint-disable-next-line no-restricted-syntax -- a migration runs once, at the time it runs
      created_at: new Date().toISOString(),
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('users').where('email', '=', EDI_USER_EMAIL).execute();
}
