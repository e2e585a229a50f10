import type { TimelineNote } from '../../core/shared/error-codes.ts';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { RowSpec } from './import-kind.ts';
import type { CellIssue } from './row-reader.ts';

export type WriteContext = { userId: number | null; now: string; notes: TimelineNote[] };

/**
 * The I/O half of an import kind: what its rows refer to in the database (loaded once), the checks only the
 * database can answer, and the upsert of one good row with its audit event.
 */
export type ImportWriter<T, Refs> = {
  spec: RowSpec<T>;
  load: (db: DbOrTrx) => Promise<Refs>;
  check: (value: T, refs: Refs) => CellIssue[];
  write: (trx: Trx, value: T, refs: Refs, ctx: WriteContext) => Promise<void>;
};
