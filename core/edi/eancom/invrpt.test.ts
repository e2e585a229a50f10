import { describe, expect, it } from 'vitest';
import { readInventoryReport } from './invrpt.ts';
import { parseOrThrow } from './test-support.ts';

/** Shaped after GS1's EANCOM 1997 INVRPT example 3 (EANCOM.md § 6), with the demo's GLNs and GTINs. */
const INVRPT = [
  "UNB+UNOC:3+3021000000019:14+3012345000017:14+260119:0600+CMSTK0119'",
  "UNH+ME000001+INVRPT:D:96A:UN:EAN004'",
  "BGM+35+INVR-0119+9'",
  "DTM+137:20260119:102'",
  "DTM+366:20260118:102'",
  "NAD+GY+3021000000019::9'",
  "NAD+SU+3012345000017::9'",
  "LIN+1++3012345001212:EN'",
  "PIA+1+CM-204511:IN::92'",
  "QTY+145:300'",
  "LOC+18+3021000001023::9'",
  "QTY+145:24'",
  "DTM+361:20261016:102'",
  "GIN+BX+L26019A'",
  "LIN+2++3012345001229:EN'",
  "QTY+145:0'",
  "UNT+16+ME000001'",
  "UNZ+1+CMSTK0119'",
].join('\n');

describe('readInventoryReport', () => {
  it('reads stock per item, location, best-before and lot', () => {
    const { messages, warnings } = parseOrThrow(INVRPT);
    expect(warnings).toEqual([]);
    const r = readInventoryReport(messages[0]);
    expect(r).toMatchObject({
      documentNumber: 'INVR-0119',
      documentDate: '2026-01-19',
      reportDate: '2026-01-18',
      reportingParty: { id: '3021000000019' },
      location: null,
    });
    expect(
      r.lines.map((l) => [l.gtin, l.buyerCode, l.entries.map((e) => [e.qualifier, e.quantity, e.location, e.date, e.bestBefore, e.lot])]),
    ).toEqual([
      [
        '3012345001212',
        'CM-204511',
        [
          ['145', 300, '3021000001023', '2026-01-18', null, null],
          ['145', 24, null, '2026-01-18', '2026-10-16', 'L26019A'],
        ],
      ],
      ['3012345001229', null, [['145', 0, null, '2026-01-18', null, null]]],
    ]);
  });
});
