import type { TSchema } from '@sinclair/typebox';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import { WEEKDAYS, type Weekday } from '../../core/calendar/dates.ts';
import type { ErrorParams, FieldCode } from '../../core/shared/error-codes.ts';
import type { FieldError } from '../errors.ts';
import type { Cells } from './table.ts';

/** One refused cell: a code and its params for the screen (core/shared/error-codes.ts), `reason` in English for the CLI. */
export type CellIssue = { column: string; code: FieldCode; params: ErrorParams; reason: string };

const FRENCH_WEEKDAYS: Record<string, Weekday> = { LUN: 'MON', MAR: 'TUE', MER: 'WED', JEU: 'THU', VEN: 'FRI', SAM: 'SAT', DIM: 'SUN' };
const TRUE = new Set(['1', 'x', 'oui', 'o', 'yes', 'y', 'true', 'vrai']);
const FALSE = new Set(['0', 'non', 'n', 'no', 'false', 'faux']);

/**
 * A decimal as written by a person or a spreadsheet ("12,5", "1 234.56", "12,50 €") in hundredths: euros to
 * cents, percent to basis points. Parsed from the digits, not through a float, and rounded half up on the
 * third decimal, so "0,125" is 13 and "19.99" is never 1998.
 */
export function parseHundredths(text: string): number | null {
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(text.replace(/[\s\u00a0\u202f€%]/g, ''));
  if (!m) return null;
  const decimals = (m[2] ?? '').padEnd(3, '0');
  const roundUp = Number(decimals[2]) >= 5 ? 1 : 0;
  return Number(m[1]) * 100 + Number(decimals.slice(0, 2)) + roundUp;
}

/** Reads typed values out of a row's cells, collecting one issue per faulty cell instead of stopping at the first. */
export class RowReader {
  readonly issues: CellIssue[] = [];
  constructor(private readonly cells: Cells) {}

  private fail(column: string, code: FieldCode, params: ErrorParams, reason: string): null {
    this.issues.push({ column, code, params, reason });
    return null;
  }

  text(column: string, required = false): string | null {
    const value = this.cells[column] ?? '';
    if (value === '') return required ? this.fail(column, 'required', {}, 'is required') : null;
    // PostgreSQL's text cannot hold a NUL: refused here, for every kind of file, rather than failing the write.
    if (value.includes('\u0000')) return this.fail(column, 'nul-character', {}, 'contains a NUL character');
    return value;
  }

  int(column: string, required = false): number | null {
    const value = this.text(column, required)?.replace(/[\s\u00a0\u202f]/g, '');
    if (value === undefined || value === null) return null;
    // Spreadsheets store whole numbers as floats: "12.0" is still twelve.
    return /^-?\d+(\.0+)?$/.test(value)
      ? Number.parseInt(value, 10)
      : this.fail(column, 'not-whole-number', { value }, `"${value}" is not a whole number`);
  }

  hundredths(column: string, required = false): number | null {
    const value = this.text(column, required);
    if (value === null) return null;
    return parseHundredths(value) ?? this.fail(column, 'not-decimal', { value }, `"${value}" is not a positive decimal number`);
  }

  /** One of a list of codes, whatever the case of the cell. */
  choice<T extends string>(column: string, values: readonly T[], required = false): T | null {
    const value = this.text(column, required);
    if (value === null) return null;
    return (
      values.find((v) => v.toLowerCase() === value.toLowerCase()) ??
      this.fail(column, 'choice', { allowed: values.join(', ') }, `"${value}" is not one of ${values.join(', ')}`)
    );
  }

  bool(column: string): boolean | null {
    const value = this.text(column)?.toLowerCase();
    if (value === undefined || value === null) return null;
    if (TRUE.has(value)) return true;
    return FALSE.has(value) ? false : this.fail(column, 'not-yes-no', { value }, `"${value}" is not oui/non`);
  }

  /** "MON,TUE", "lun mar ven" or "LUN;JEU": English or French day codes, any separator. */
  weekdays(column: string, required = false): Weekday[] | null {
    const value = this.text(column, required);
    if (value === null) return null;
    const days = value
      .toUpperCase()
      .split(/[\s,;/|-]+/)
      .filter(Boolean)
      .map((d) => FRENCH_WEEKDAYS[d.slice(0, 3)] ?? (WEEKDAYS as readonly string[]).find((w) => w === d.slice(0, 3)));
    if (!days.length || days.some((d) => !d))
      return this.fail(column, 'not-weekdays', { value }, `"${value}" is not a list of weekdays (MON,TUE… or LUN,MAR…)`);
    return WEEKDAYS.filter((w) => days.includes(w));
  }
}

const RANGE: Partial<Record<ValueErrorType, [string, 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum']>> = {
  [ValueErrorType.IntegerMinimum]: ['>=', 'minimum'],
  [ValueErrorType.NumberMinimum]: ['>=', 'minimum'],
  [ValueErrorType.IntegerMaximum]: ['<=', 'maximum'],
  [ValueErrorType.NumberMaximum]: ['<=', 'maximum'],
  [ValueErrorType.IntegerExclusiveMinimum]: ['>', 'exclusiveMinimum'],
  [ValueErrorType.NumberExclusiveMinimum]: ['>', 'exclusiveMinimum'],
  [ValueErrorType.IntegerExclusiveMaximum]: ['<', 'exclusiveMaximum'],
  [ValueErrorType.NumberExclusiveMaximum]: ['<', 'exclusiveMaximum'],
};

/** TypeBox's verdict on a row, as the same codes the API gives for a body (server/http/problem.ts does ajv's). */
function valueErrorCode(e: ValueError): Pick<CellIssue, 'code' | 'params'> {
  const schema = e.schema as { minLength?: number; maxLength?: number; const?: unknown; anyOf?: { const?: unknown }[] } & Record<
    string,
    unknown
  >;
  const range = RANGE[e.type];
  if (range) return { code: 'out-of-range', params: { comparison: range[0], limit: Number(schema[range[1]]) } };
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { code: 'required', params: {} };
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1 ? { code: 'required', params: {} } : { code: 'too-short', params: { limit: Number(schema.minLength) } };
    case ValueErrorType.StringMaxLength:
      return { code: 'too-long', params: { limit: Number(schema.maxLength) } };
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringFormat:
      return { code: 'pattern', params: {} };
    case ValueErrorType.Literal:
      return { code: 'choice', params: { allowed: String(schema.const) } };
    case ValueErrorType.Union: {
      const allowed = (schema.anyOf ?? []).filter((s) => s.const !== undefined).map((s) => String(s.const));
      return allowed.length ? { code: 'choice', params: { allowed: allowed.join(', ') } } : { code: 'rule', params: {} };
    }
    default:
      return { code: 'rule', params: {} };
  }
}

/**
 * The API's own schema and rules, applied to a row: one definition of a valid product or customer for both.
 * `columnOf` names the column behind a field path; cells the reader already refused are not reported twice.
 */
export function schemaIssues(
  schema: TSchema,
  value: unknown,
  ruleErrors: () => FieldError[],
  columnOf: (path: string) => string,
  already: readonly CellIssue[],
): CellIssue[] {
  const seen = new Set(already.map((i) => i.column));
  const issues: CellIssue[] = [];
  const add = (path: string, coded: Pick<CellIssue, 'code' | 'params'>, reason: string) => {
    const column = columnOf(path);
    if (seen.has(column)) return;
    seen.add(column);
    issues.push({ column, ...coded, reason });
  };
  const errors = [...Value.Errors(schema, value)];
  for (const e of errors) add(e.path.replace(/^\//, '').replace(/\//g, '.'), valueErrorCode(e), e.message);
  // The rules read well-typed values: they run once the schema is satisfied.
  if (!errors.length) for (const e of ruleErrors()) add(e.path, { code: e.code, params: e.params }, e.message);
  return issues;
}

/** Drops undefined fields: an optional field left empty is absent, as it would be in a JSON body. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
