import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { readCsv } from './read-csv.ts';
import { cellsByColumn } from './table.ts';

const columns = [
  { name: 'code', required: true, example: '' },
  { name: 'unitPrice', required: true, example: '' },
  { name: 'note', required: false, example: '' },
];

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message, errors: error.errors };
    throw error;
  }
  throw new Error('expected a problem');
};

describe('readCsv', () => {
  it('reads a French Excel export: ";" with a BOM and decimal commas, row numbers as in the sheet', () => {
    const table = readCsv(Buffer.from('\uFEFFcode;unitPrice\r\nA;12,50\r\n\r\nB;"3,5"\r\n'));
    expect(table.header).toEqual(['code', 'unitPrice']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['A', '12,50'] },
      { row: 4, cells: ['B', '3,5'] },
    ]);
  });

  it('reads a comma-separated file with quoted commas', () => {
    expect(readCsv(Buffer.from('code,unitPrice\nA,"12,5"\n')).rows).toEqual([{ row: 2, cells: ['A', '12,5'] }]);
  });

  it('reads Windows-1252 text (what French Excel saves) without mojibake', () => {
    const latin1 = Buffer.from([...Buffer.from('code;note\nA;'), 0xe9, 0x74, 0xe9, 0x0a]);
    expect(readCsv(latin1).rows[0].cells).toEqual(['A', 'été']);
  });

  it('refuses an empty file, a binary file and an unclosed quote, naming the row', () => {
    expect(problemOf(() => readCsv(Buffer.from(''))).message).toMatch(/empty/);
    expect(problemOf(() => readCsv(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).status).toBe(400);
    const quote = problemOf(() => readCsv(Buffer.from('code;unitPrice\nA;1\nB;"2\n')));
    expect(quote.message).toMatch(/row 3/);
    expect(quote.errors[0].path).toBe('file.rows.3');
  });
});

describe('cellsByColumn', () => {
  const table = (header: string[]) => ({ header, rows: [{ row: 2, cells: ['A', '1', 'x'] }] });

  it('names cells by column, whatever the case and order of the header', () => {
    expect(cellsByColumn(table(['Code', ' UNITPRICE ', 'note']), columns)).toEqual([
      { row: 2, cells: { code: 'A', unitPrice: '1', note: 'x' } },
    ]);
  });

  it('refuses unknown, missing or repeated columns, and a file without data rows', () => {
    expect(problemOf(() => cellsByColumn(table(['code', 'price', 'note']), columns)).message).toMatch(
      /Unknown column\(s\) in the header: price/,
    );
    expect(problemOf(() => cellsByColumn(table(['code', 'note']), columns)).message).toMatch(
      /Missing column\(s\) in the header: unitPrice/,
    );
    expect(problemOf(() => cellsByColumn(table(['code', 'unitPrice', 'code']), columns)).message).toMatch(/twice/);
    expect(
      problemOf(() => cellsByColumn({ header: ['code', 'unitPrice'], rows: [{ row: 2, cells: ['', ' '] }] }, columns)).message,
    ).toMatch(/no data rows/);
  });
});
