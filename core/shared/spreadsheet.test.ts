import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, FORMULA_TRIGGERS, spreadsheetCell, spreadsheetText } from './spreadsheet.ts';

const PLAIN_NEGATIVE = /^-\d+(?:[.,]\d+)?$/;
/** Text that starts with a trigger: what an attacker types in a name or a note. */
const triggered = fc.tuple(fc.constantFrom(...FORMULA_TRIGGERS), fc.string()).map(([t, rest]) => t + rest);

describe('spreadsheetText', () => {
  it('puts an apostrophe before every formula trigger (OWASP)', () => {
    expect(spreadsheetText('=HYPERLINK("http://x","clic")')).toBe(`'=HYPERLINK("http://x","clic")`);
    expect(spreadsheetText('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78");
    expect(spreadsheetText('-1+1')).toBe("'-1+1");
    expect(spreadsheetText('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(spreadsheetText('\t=1+1')).toBe("'\t=1+1");
    expect(spreadsheetText('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves plain text, and plain negative figures, as they are', () => {
    for (const plain of ['Boulangerie Martin', 'C001', '', ' =not first', "l'Épi d'or", '-12', '-12.5', '-12,50'])
      expect(spreadsheetText(plain)).toBe(plain);
  });

  it('never gives a cell that starts a formula, except a plain negative figure', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), triggered), (s) => {
        const out = spreadsheetText(s);
        return !FORMULA_TRIGGERS.includes(out.charAt(0)) || (PLAIN_NEGATIVE.test(out) && out === s);
      }),
    );
  });

  it('changes nothing that does not start with a trigger, and only adds the apostrophe to what does', () => {
    fc.assert(fc.property(fc.string(), (s) => (FORMULA_TRIGGERS.includes(s.charAt(0)) ? [s, `'${s}`] : [s]).includes(spreadsheetText(s))));
  });
});

describe('spreadsheetCell', () => {
  it('keeps numbers as numbers, negatives included, so a numeric cell stays a figure', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => Object.is(spreadsheetCell(n), n)),
    );
    expect(spreadsheetCell(-1250)).toBe(-1250);
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell('=1+1')).toBe("'=1+1");
  });

  it('refuses a number no spreadsheet can hold', () => {
    expect(() => spreadsheetCell(Number.NaN)).toThrow();
  });
});

describe('csvDocument', () => {
  it('writes a BOM, ";" and CRLF, neutralising text and keeping figures', () => {
    expect(
      csvDocument([
        ['code', 'name', 'credit'],
        ['C001', '=cmd|" /C calc"!A0', -1250.5],
      ]),
    ).toBe(`\uFEFFcode;name;credit\r\nC001;"'=cmd|"" /C calc""!A0";-1250.5\r\n`);
  });

  it('quotes any cell that could end early, so no text starts a cell of its own', () => {
    expect(csvDocument([['a;=1+1', 'b,c', 'two\r\nlines']])).toBe(`\uFEFF"a;=1+1";b,c;"two\r\nlines"\r\n`);
    expect(csvDocument([['a;b', 'b,=c']], { separator: ',' })).toBe(`\uFEFFa;b,"b,=c"\r\n`);
  });

  it('reads back cell for cell, each cell neutralised', () => {
    // A minimal RFC 4180 reader: whatever the text, the file has exactly the cells it was given.
    const read = (csv: string) => {
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      const body = csv.slice(1);
      for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (quoted) {
          if (ch === '"' && body[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ';') {
          row.push(cell);
          cell = '';
        } else if (ch === '\r' && body[i + 1] === '\n') {
          row.push(cell);
          rows.push(row);
          row = [];
          cell = '';
          i++;
        } else cell += ch;
      }
      return rows;
    };
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), triggered), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          expect(read(csvDocument(rows))).toEqual(rows.map((r) => r.map(spreadsheetText)));
        },
      ),
    );
  });
});
