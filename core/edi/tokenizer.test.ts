import { describe, expect, it } from 'vitest';
import { EdiTokenizer } from './tokenizer.ts';
import type { Segment } from './segment.ts';
import { EdiSyntaxError } from './errors.ts';

function tokenize(text: string | string[]): Segment[] {
  const t = new EdiTokenizer();
  const chunks = typeof text === 'string' ? [text] : text;
  return [...chunks.flatMap((c) => t.feed(c)), ...t.end()];
}

const shape = (segments: Segment[]) => segments.map((s) => [s.tag, ...s.elements.map((e) => e.join(':'))].join('+'));

describe('EdiTokenizer', () => {
  it('cuts segments, elements and components with the default separators', () => {
    const s = tokenize("UNB+UNOA:3+A:14+B:14+260119:0812+1'UNH+1+ORDERS:D:96A:UN:EAN008'");
    expect(s.map((x) => x.tag)).toEqual(['UNB', 'UNH']);
    expect(s[0].elements).toEqual([['UNOA', '3'], ['A', '14'], ['B', '14'], ['260119', '0812'], ['1']]);
    expect(s[1].index).toBe(2);
  });

  it('honours a UNA with entirely different separators (UNA=*.? ~)', () => {
    const s = tokenize('UNA=*.? ~UNB*UNOC=3*A=14*B=14*260119=0812*1~UNH*1*ORDERS=D=96A=UN~BGM*220*PO?~1?*2*9~');
    expect(s[0].una).toMatchObject({ component: '=', element: '*', terminator: '~' });
    expect(shape(s.slice(1))).toEqual(['UNB+UNOC:3+A:14+B:14+260119:0812+1', 'UNH+1+ORDERS:D:96A:UN', 'BGM+220+PO~1*2+9']);
  });

  it('reads a decimal comma UNA and keeps the value as written', () => {
    const s = tokenize("UNA:+,? 'PRI+AAA:19,9'");
    expect(s[0].una?.decimal).toBe(',');
    expect(s[1].elements[0]).toEqual(['AAA', '19,9']);
  });

  it('releases service characters and the release character itself', () => {
    const s = tokenize("FTX+AAI+++A?+A K?:lte?'s ??ok'");
    expect(s[0].elements[3]).toEqual(["A+A K:lte's ?ok"]);
  });

  it('yields an ordinary character after a release as itself (`?*`)', () => {
    expect(tokenize("COM+a?*b:TE'")[0].elements[0]).toEqual(['a*b', 'TE']);
  });

  it('keeps a release that falls on a chunk boundary', () => {
    const s = tokenize(['FTX+AAI+++A?', '+B?', "'C'", 'NAD+BY', "'"]);
    expect(shape(s)).toEqual(["FTX+AAI+++A+B'C", 'NAD+BY']);
  });

  it('drops CR and LF everywhere outside a release, even in the middle of data', () => {
    const s = tokenize("UNH+1+ORD\r\nERS:D:96A'\r\nBGM+22\n0+PO1'\nDTM+137:2026\r0119:102'");
    expect(shape(s)).toEqual(['UNH+1+ORDERS:D:96A', 'BGM+220+PO1', 'DTM+137:20260119:102']);
  });

  it('drops a BOM and tolerates empty segments', () => {
    const s = tokenize("\ufeffUNB+UNOA:3+A+B+260119:0812+1''UNZ+0+1'''");
    expect(shape(s)).toEqual(['UNB+UNOA:3+A+B+260119:0812+1', 'UNZ+0+1']);
    expect(s[1].index).toBe(2);
  });

  it('honours a UNA at the start of every interchange, and the defaults for one without', () => {
    const s = tokenize(
      "UNA:+.? 'UNB+UNOA:3+A+B+260119:0812+1'UNZ+0+1'UNA=*.? ~UNB*UNOA=3*A*B*260119=0812*2~UNZ*0*2~UNB+UNOA:3+A+B+260119:0812+3'UNZ+0+3'",
    );
    expect(shape(s.filter((x) => x.tag !== 'UNA'))).toEqual([
      'UNB+UNOA:3+A+B+260119:0812+1',
      'UNZ+0+1',
      'UNB+UNOA:3+A+B+260119:0812+2',
      'UNZ+0+2',
      'UNB+UNOA:3+A+B+260119:0812+3',
      'UNZ+0+3',
    ]);
  });

  it('finds a UNA split over chunks', () => {
    const s = tokenize(['UN', 'A=*', '.? ~UNB*UNOA=3*A*B*1*1~']);
    expect(shape(s.slice(1))).toEqual(['UNB+UNOA:3+A+B+1+1']);
  });

  it('gives the same segments whatever the chunk size', () => {
    const text = "\ufeffUNA:+.? '\r\nUNB+UNOC:3+A:14+B:14+260119:0812+1'\r\nFTX+AAI+++é?'ü?+x'\nUNZ+0+1'";
    const whole = tokenize(text);
    for (let size = 1; size <= 9; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(tokenize(chunks)).toEqual(whole);
    }
  });

  it('keeps byte offsets of each segment, multi-byte characters and BOM counted', () => {
    const s = tokenize("\ufeffFTX+é'NAD+BY'");
    expect(s.map((x) => x.byteOffset)).toEqual([3, 3 + 'FTX+'.length + 2 + 1]);
  });

  it('reports a last segment without terminator', () => {
    const s = tokenize("UNH+1'UNZ+1+2");
    expect(s[1]).toMatchObject({ tag: 'UNZ', unterminated: true, elements: [['1'], ['2']] });
  });

  it('refuses a UNA that declares one character for two roles', () => {
    expect(() => tokenize("UNA++.? 'UNB'")).toThrow(EdiSyntaxError);
  });
});
