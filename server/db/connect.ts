import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type pg from 'pg';
import { bindFileStore } from '../documents/file-store.ts';
import type { Database, Db } from './database.ts';
import { bindQueryTimer, createQueryTimer } from './query-timing.ts';

// pg (some 15 MB) is loaded when a database URL names PostgreSQL: an install on SQLite never loads it.
const loadPg = () => createRequire(import.meta.url)('pg') as typeof pg;

export type Engine = 'sqlite' | 'postgres';
export type DatabaseHandle = { db: Db; engine: Engine; close: () => Promise<void> };

/** The SQLite database of a DATA_DIR (backup and restore name it too). */
export const sqliteFile = (dataDir: string) => path.join(dataDir, 'carnet.sqlite');

export function openDatabase(options: { databaseUrl?: string; dataDir: string }): DatabaseHandle {
  if (options.databaseUrl) {
    const { Pool, types } = loadPg();
    // COUNT(*) and SUM() come back from PostgreSQL as int8; our amounts fit in a double, so read them as numbers.
    types.setTypeParser(20, (value) => Number(value));
    types.setTypeParser(1700, (value) => Number(value));
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection can be cut by the server (restart, failover, a dropped test database); the pool then
    // replaces it. Unhandled, that 'error' event would crash the process.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const timer = createQueryTimer();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()], log: timer.log });
    bindFileStore(db, options.dataDir);
    bindQueryTimer(db, timer);
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(sqliteFile(options.dataDir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL: a confirmed order survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const timer = createQueryTimer();
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
    log: timer.log,
  });
  bindFileStore(db, options.dataDir);
  bindQueryTimer(db, timer);
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew, and compiling SQL is a large share of a small query's cost in SQLite. The
 * app runs a bounded set of query shapes, so keep their prepared statements (a Map keeps insertion order: the
 * oldest goes first when the cache is full). A batch's multi-row insert is a large program, and each row count is
 * its own text: the cache is bounded by the length of the SQL it holds as well as by the number of statements.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500, chars = 2_000_000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  let held = 0;
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        while (cache.size > 0 && (cache.size >= size || held + sql.length > chars)) {
          const oldest = cache.keys().next().value!;
          held -= oldest.length;
          cache.delete(oldest);
        }
        cache.set(sql, statement);
        held += sql.length;
      }
      return statement;
    },
  };
}
