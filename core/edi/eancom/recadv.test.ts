import { describe, expect, it } from 'vitest';
import { readReceivingAdvice } from './recadv.ts';
import { parseOrThrow } from './test-support.ts';

/**
 * Shaped after EANCOM 1997 RECADV (EAN003): Cap Marché's platform says what it received against our delivery
 * note, with the demo's GLNs and GTINs: 78 of 80 sacks accepted and 2 refused (torn), the sugar all accepted.
 */
export const RECADV = [
  "UNB+UNOC:3+3021000000019:14+3012345000017:14+260310:1015+CMREC0310'",
  "UNH+RA000001+RECADV:D:96A:UN:EAN003'",
  "BGM+632+REC-26-0310+9'",
  "DTM+137:20260310:102'",
  "DTM+50:20260310:102'",
  "RFF+ON:CM-PO-7781'",
  "RFF+AAK:BL-2026-000123'",
  "NAD+BY+3021000000019::9'",
  "NAD+SU+3012345000017::9'",
  "NAD+DP+3021000001023::9'",
  "CPS+1'",
  "LIN+1++3012345001212:EN'",
  "PIA+1+CM-204511:IN::92'",
  "QTY+12:80'",
  "QTY+194:78'",
  "QTY+195:2'",
  "LIN+2++3012345001229:EN'",
  "QTY+46:40'",
  "UNT+18+RA000001'",
  "UNZ+1+CMREC0310'",
].join('\n');

describe('readReceivingAdvice', () => {
  it('reads the order and despatch it answers and, per item, what was accepted and refused', () => {
    const { messages, warnings } = parseOrThrow(RECADV);
    expect(warnings).toEqual([]);
    const r = readReceivingAdvice(messages[0]);
    expect(r).toMatchObject({
      documentNumber: 'REC-26-0310',
      receiptDate: '2026-03-10',
      orderNumber: 'CM-PO-7781',
      despatchNumber: 'BL-2026-000123',
      buyer: { id: '3021000000019' },
      deliveryPoint: { id: '3021000001023' },
    });
    expect(r.lines.map((l) => [l.lineNumber, l.gtin, l.buyerCode, l.despatched, l.accepted, l.refused])).toEqual([
      [1, '3012345001212', 'CM-204511', 80, 78, 2],
      [2, '3012345001229', null, null, 40, null],
    ]);
  });
});
