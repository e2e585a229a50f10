/**
 * Every CSV or .xlsx file Carnet writes takes its cells from here. Names, notes, references and codes are stored
 * as people typed them, and a spreadsheet runs a text cell that starts with `=`, `+`, `-` or `@` (or with a tab or
 * a carriage return, which some programs skip before looking) as a formula: `=HYPERLINK(…)` in a customer's name
 * would run on the desk's computer when she opens an export (OWASP, "CSV Injection").
 */

/** The characters that make a spreadsheet read a text cell as a formula (OWASP's list). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/**
 * A plain negative decimal, as a figure prints (`-12`, `-12.5`, `-12,50`): a spreadsheet reads it as the number it
 * is and nothing else, so it is left alone. `+33…` is not one: a phone number stays text, with its `+`.
 */
const PLAIN_NEGATIVE = /^-\d+(?:[.,]\d+)?$/;

/**
 * A text cell made inert: one that would start a formula gets an apostrophe in front (OWASP's advice), which the
 * spreadsheet shows and never runs; any other text, plain negative figures included, comes back unchanged.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_TRIGGERS.includes(text.charAt(0)) && !PLAIN_NEGATIVE.test(text) ? `'${text}` : text;
}

/** What an export puts in a cell: numbers are figures (a numeric cell, negatives included), the rest is text. */
export type SpreadsheetValue = string | number | null | undefined;

/**
 * One cell as it goes into a file: a number stays a number (an .xlsx numeric cell, a CSV figure: `-12.5` is the
 * number −12.5, never text), empty stays empty, text goes through `spreadsheetText`. An .xlsx export sets each
 * cell's value to this; a CSV export uses `csvDocument`, which does.
 */
export function spreadsheetCell(value: SpreadsheetValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A spreadsheet cell cannot hold ${value}`);
    return value;
  }
  return spreadsheetText(value);
}

/**
 * RFC 4180 quoting: a cell holding the separator, a quote or a line break is quoted, its quotes doubled, so no text
 * can end its cell early and start a new one (which would escape the neutralising).
 */
function csvField(value: SpreadsheetValue, separator: string): string {
  const cell = String(spreadsheetCell(value));
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A CSV file as French Excel opens it without a dialog: a byte-order mark, `;` between cells, CRLF after each row.
 * Every cell is neutralised (`spreadsheetCell`) and quoted when it must be.
 */
export function csvDocument(rows: readonly (readonly SpreadsheetValue[])[], options: { separator?: ';' | ',' } = {}): string {
  const separator = options.separator ?? ';';
  return `\uFEFF${rows.map((row) => `${row.map((cell) => csvField(cell, separator)).join(separator)}\r\n`).join('')}`;
}
