import { type Insertable, sql } from 'kysely';
import type { Database, Db, DbOrTrx } from '../db/database.ts';
import type { BackupRunsTable } from './ops.table.ts';

/**
 * A backup's row is written once it is over (checked or failed), never while it runs: a row written first would be
 * inside the backup itself, and a restored Carnet would show that backup running for ever.
 */
export async function insertBackupRun(db: Db, run: Insertable<BackupRunsTable>): Promise<void> {
  await db.insertInto('backupRuns').values(run).execute();
}

export function listBackupRuns(db: Db, limit: number) {
  return db.selectFrom('backupRuns').selectAll().orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** When the newest backup whose check passed was taken, or null before the first. */
export async function lastGoodBackupAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('backupRuns')
    .select((eb) => eb.fn.max('startedAt').as('at'))
    .where('status', '=', 'ok')
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The SHA-256 of every stored file a row names (documents are the one index of the file store). */
export async function storedFileHashes(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom('documents').select('sha256').distinct().orderBy('sha256').execute();
  return rows.map((r) => r.sha256);
}

/**
 * PostgreSQL: publishes the snapshot of the caller's (repeatable read) transaction, so that pg_dump reads the very
 * state the transaction reads (`pg_dump --snapshot`): the dump and the list of files it names agree.
 */
export async function exportSnapshot(trx: DbOrTrx): Promise<string> {
  const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx);
  return rows[0].snapshot;
}

/** SQLite: `ok`, or what the integrity check found wrong. */
export async function integrityCheck(db: Db): Promise<string> {
  const { rows } = await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(db);
  return rows.map((r) => r.integrityCheck).join('; ');
}

/** PostgreSQL: whether the database already holds Carnet's tables (a restore refuses to land on them unless forced). */
export async function holdsCarnetTables(db: Db): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(db);
  return Number(rows[0].n) > 0;
}

/** PostgreSQL, `restore --force` only: empties the database so the dump lands on nothing. */
export async function dropPublicSchema(db: Db): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}

/** Every row of one table, for the export (in id order when it has ids, so two exports compare line by line). */
export async function tableRows(db: Db, table: keyof Database): Promise<Record<string, unknown>[]> {
  const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  return rows.length && typeof rows[0].id === 'number' ? rows.sort((a, b) => (a.id as number) - (b.id as number)) : rows;
}

/** Each table's columns, in the schema's order, by their database (snake_case) names. */
export async function tableColumns(db: Db): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables();
  return new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

/** How many items wait in each queue the metrics watch, and since when the oldest waits. */
export async function queueDepths(db: Db) {
  const depth = (rows: { n: number | string; oldest: string | null } | undefined) => ({
    count: Number(rows?.n ?? 0),
    oldest: rows?.oldest ?? null,
  });
  const [outbox, ediInbound, ediOutbound] = await Promise.all([
    db
      .selectFrom('outboxEmails')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('createdAt').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirst(),
    db
      .selectFrom('ediMessages')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('createdAt').as('oldest')])
      .where('status', '=', 'queued')
      .executeTakeFirst(),
    db
      .selectFrom('ediOutbound')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('createdAt').as('oldest')])
      .where('status', '=', 'stored')
      .executeTakeFirst(),
  ]);
  return { outbox: depth(outbox), ediInbound: depth(ediInbound), ediOutbound: depth(ediOutbound) };
}
