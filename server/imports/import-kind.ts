import type { CellIssue } from './row-reader.ts';
import type { Cells, ColumnSpec } from './table.ts';

/** What a row says once read: the value when every cell is right, the issues otherwise. */
export type RowRead<T> = { value: T; issues: [] } | { value: null; issues: CellIssue[] };

/** The pure half of an import kind: its columns, how a row reads, and the natural key that upserts it. */
export type RowSpec<T> = {
  columns: readonly ColumnSpec[];
  read: (cells: Cells) => RowRead<T>;
  /** Two rows with the same key in one file are a mistake: the second would silently overwrite the first. */
  key: (value: T) => string;
  keyColumn: string;
};

export function rowRead<T>(value: T, issues: CellIssue[]): RowRead<T> {
  return issues.length ? { value: null, issues } : { value, issues: [] };
}

export const column = (name: string, example: string, required = false): ColumnSpec => ({ name, example, required });
