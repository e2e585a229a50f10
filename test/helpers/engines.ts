import pg from 'pg';
import type { Engine } from '../../server/db/connect.ts';

export const PG_ADMIN_URL = process.env.CARNET_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUIRE_PG = process.env.CARNET_REQUIRE_PG === '1';

let cached: Promise<boolean> | undefined;

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The engines the integration suites run on: SQLite always, PostgreSQL when a server answers. In CI
 * (CARNET_REQUIRE_PG=1) a missing server fails the run instead of skipping.
 */
export async function testEngines(): Promise<Engine[]> {
  cached ??= postgresReachable();
  if (await cached) return ['sqlite', 'postgres'];
  const message = `PostgreSQL not reachable at ${PG_ADMIN_URL}: the PostgreSQL runs of the integration tests are SKIPPED. Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
  if (REQUIRE_PG) throw new Error(message);
  console.warn(message);
  return ['sqlite'];
}
