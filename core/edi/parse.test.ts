import { describe, expect, it } from 'vitest';
import { parseEdi } from './parse.ts';
import { HAND_WRITTEN_ORDERS } from './edi.fixtures.ts';

const UNB = "UNB+UNOC:3+3021000000019:14+3012345000017:14+260119:0812+REF1'";
const msg = (ref: string) => `UNH+${ref}+ORDERS:D:96A:UN:EAN008'BGM+220+PO${ref}+9'UNT+3+${ref}'`;

function errorOf(text: string) {
  const r = parseEdi(text);
  if (r.ok) throw new Error('expected a syntax error');
  return r.error;
}

describe('parseEdi: the envelope', () => {
  it('reads the interchange header and its messages', () => {
    const r = parseEdi(HAND_WRITTEN_ORDERS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const [i] = r.interchanges;
    expect(i.header).toMatchObject({
      syntaxIdentifier: 'UNOC',
      syntaxVersion: 3,
      sender: { id: '3021000000019', qualifier: '14' },
      recipient: { id: '3012345000017', qualifier: '14' },
      preparedDate: '2026-01-19',
      preparedTime: '08:12',
      reference: 'CM000124',
      applicationReference: 'ORDERS',
    });
    expect(i.header.separators.decimal).toBe(',');
    expect(i.messages[0].header).toMatchObject({ reference: '1', type: 'ORDERS', version: 'D', release: '96A', associationCode: 'EAN008' });
    expect(i.trailer).toEqual({ count: 1, reference: 'CM000124', segmentIndex: 23 });
  });

  it('reads several interchanges in one file and functional groups', () => {
    const text = `${UNB}UNG+ORDERS+A+B+260119:0812+G1+UN+D:96A'${msg('1')}${msg('2')}UNE+2+G1'UNZ+1+REF1'${UNB.replace('REF1', 'REF2')}${msg('3')}UNZ+1+REF2'`;
    const r = parseEdi(text);
    expect(r.ok && r.interchanges.map((i) => i.messages.map((m) => [m.header.reference, m.header.groupReference]))).toEqual([
      [
        ['1', 'G1'],
        ['2', 'G1'],
      ],
      [['3', null]],
    ]);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('reports broken counts and references as located warnings', () => {
    const text = `${UNB}UNH+1+ORDERS:D:96A:UN'BGM+220+PO+9'UNT+9+2'UNZ+3+OTHER'`;
    const r = parseEdi(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.code, w.segmentIndex, w.tag, w.elementPosition, w.expected, w.found])).toEqual([
      ['segment-count', 4, 'UNT', 1, '3', '9'],
      ['reference-mismatch', 4, 'UNT', 2, '1', '2'],
      ['message-count', 5, 'UNZ', 1, '1', '3'],
      ['reference-mismatch', 5, 'UNZ', 2, 'REF1', 'OTHER'],
    ]);
  });

  it('tolerates a missing UNZ and says so', () => {
    const r = parseEdi(`${UNB}${msg('1')}`);
    expect(r.ok && r.interchanges[0].trailer).toBeNull();
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['missing-unz']);
  });

  it('refuses a segment before UNB', () => {
    expect(errorOf(`BGM+220+PO+9'${UNB}`)).toMatchObject({
      segmentIndex: 1,
      tag: 'BGM',
      elementPosition: null,
      byteOffset: 0,
      expected: 'UNB (or UNA) to open an interchange',
    });
  });

  it('refuses a UNH whose message has no UNT before the next UNH', () => {
    const text = `${UNB}UNH+1+ORDERS:D:96A:UN'BGM+220+PO+9'UNH+2+ORDERS:D:96A:UN'`;
    expect(errorOf(text)).toMatchObject({
      segmentIndex: 4,
      tag: 'UNH',
      expected: 'UNT closing message 1',
      byteOffset: text.indexOf('UNH+2'),
    });
  });

  it('refuses a message still open at the end of the file or at UNZ', () => {
    expect(errorOf(`${UNB}UNH+1+ORDERS:D:96A:UN'BGM+220+PO+9'`)).toMatchObject({
      segmentIndex: 4,
      tag: null,
      found: 'the end of the file',
    });
    expect(errorOf(`${UNB}UNH+1+ORDERS:D:96A:UN'UNZ+1+REF1'`)).toMatchObject({ tag: 'UNZ', expected: 'UNT closing message 1' });
  });

  it('refuses a count that is not a number, naming the element', () => {
    expect(errorOf(`${UNB}UNH+1+ORDERS:D:96A:UN'UNT+X+1'`)).toMatchObject({
      segmentIndex: 3,
      tag: 'UNT',
      elementPosition: 1,
      componentPosition: 1,
      found: 'X',
    });
    expect(errorOf(`${UNB}UNZ++REF1'`)).toMatchObject({ tag: 'UNZ', elementPosition: 1, found: null });
  });

  it('refuses a UNB without its mandatory parts', () => {
    expect(errorOf("UNB+UNOC:3+A:14'")).toMatchObject({
      tag: 'UNB',
      elementPosition: 3,
      componentPosition: 1,
      expected: 'the recipient identification',
    });
    expect(errorOf("UNB+UNOC:x+A+B+1+1'")).toMatchObject({ tag: 'UNB', elementPosition: 1, componentPosition: 2, found: 'x' });
  });

  it('refuses a tag that is not three capitals, and an empty file', () => {
    expect(errorOf(`${UNB}UNH+1+ORDERS'bgm+1'`)).toMatchObject({ tag: 'bgm' });
    expect(errorOf('\r\n')).toMatchObject({ segmentIndex: 1, tag: null, expected: 'UNB: the file holds no interchange' });
  });

  it('warns on a GLN qualifier with a code that is not a GLN, and on an unknown syntax', () => {
    const r = parseEdi("UNB+XXXX:3+PARTNER1:14+3012345000017:14+260119:0812+1'UNZ+0+1'");
    expect(r.ok && r.warnings.map((w) => [w.code, w.elementPosition])).toEqual([
      ['party-id', 2],
      ['syntax-identifier', 1],
    ]);
  });

  it('decodes bytes as UTF-8, else as Latin-1', () => {
    const ascii = (s: string) => [...new TextEncoder().encode(s)];
    const latin1 = Uint8Array.from([
      ...ascii("UNB+UNOC:3+A+B+260119:0812+1'UNH+1+ORDERS:D:96A:UN'FTX+AAI+++K"),
      0xfc,
      ...ascii("hl'UNT+3+1'UNZ+1+1'"),
    ]);
    const r = parseEdi(latin1);
    expect(r.ok && r.latin1).toBe(true);
    expect(r.ok && r.interchanges[0].messages[0].segments[1].elements[3]).toEqual(['Kühl']);
    const utf8 = parseEdi(
      new TextEncoder().encode("\ufeffUNB+UNOC:3+A+B+260119:0812+1'UNH+1+ORDERS:D:96A:UN'FTX+AAI+++Kühl'UNT+3+1'UNZ+1+1'"),
    );
    expect(utf8.ok && utf8.latin1).toBe(false);
    expect(utf8.ok && utf8.interchanges[0].messages[0].segments[1].elements[3]).toEqual(['Kühl']);
  });
});
