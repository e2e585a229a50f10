import { Type, type Static } from '@sinclair/typebox';
import type { ErrorParams, FieldCode } from '../shared/error-codes.ts';
import { literals } from '../shared/schemas.ts';
import { IMPORT_KINDS, IMPORT_MODES } from './import-kinds.ts';

export const ImportIssueSchema = Type.Object({
  row: Type.Integer({ description: 'spreadsheet row, the header being row 1' }),
  column: Type.String(),
  code: Type.Unsafe<FieldCode>(Type.String({ description: 'listed in core/shared/error-codes.ts' })),
  params: Type.Unsafe<ErrorParams>(Type.Record(Type.String(), Type.Unknown())),
  reason: Type.String({ description: 'in English' }),
});
export type ImportIssue = Static<typeof ImportIssueSchema>;

export const ImportReportSchema = Type.Object({
  kind: literals(IMPORT_KINDS),
  mode: literals(IMPORT_MODES),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  written: Type.Integer(),
  errors: Type.Array(ImportIssueSchema),
});
export type ImportReport = Static<typeof ImportReportSchema>;

/** The 422 of a `commit` refused for bad rows: a problem carrying the row-by-row errors and the report. */
export const ImportProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  errors: Type.Array(ImportIssueSchema),
  report: ImportReportSchema,
});
