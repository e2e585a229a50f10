import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on the schema as it was, not on today's table types
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
