import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../api/types.ts';
import { commitChoices, rowErrorsOf } from './import-state.ts';

const result = (over: Partial<ImportReport>): ImportReport => ({
  kind: 'products',
  mode: 'validate',
  totalRows: 10,
  validRows: 10,
  written: 0,
  errors: [],
  ...over,
});

describe('commitChoices', () => {
  it('allows nothing before a check', () => {
    expect(commitChoices(null)).toEqual({ commit: false, commitValid: false });
  });
  it('allows the full import of a clean file only', () => {
    expect(commitChoices(result({}))).toEqual({ commit: true, commitValid: false });
  });
  it('offers the valid rows only when some are bad', () => {
    expect(
      commitChoices(
        result({ validRows: 8, errors: [{ row: 3, column: 'gtin', code: 'check-digit', params: {}, reason: 'bad check digit' }] }),
      ),
    ).toEqual({ commit: false, commitValid: true });
    expect(
      commitChoices(result({ validRows: 0, errors: [{ row: 2, column: 'code', code: 'required', params: {}, reason: 'missing' }] })),
    ).toEqual({ commit: false, commitValid: false });
  });
});

describe('rowErrorsOf', () => {
  it('reads the row errors of a refused commit', () => {
    expect(
      rowErrorsOf({
        errors: [
          { row: 2, column: 'code', reason: 'missing' },
          { path: 'body', message: 'x' },
        ],
      }),
    ).toEqual([{ row: 2, column: 'code', reason: 'missing' }]);
    expect(rowErrorsOf({})).toEqual([]);
  });
});
