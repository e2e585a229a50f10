import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sscc } from '../catalog/packaging.ts';
import { readDespatchAdvice } from './eancom/desadv.ts';
import { readInvoice } from './eancom/invoic.ts';
import { readInventoryReport } from './eancom/invrpt.ts';
import { readOrder } from './eancom/orders.ts';
import { readOrderResponse } from './eancom/ordrsp.ts';
import { summarizeMessage } from './eancom/summary.ts';
import { writeDespatchAdvices } from './eancom/write-desadv.ts';
import { writeInvoices } from './eancom/write-invoic.ts';
import { writeOrders } from './eancom/write-orders.ts';
import { writeOrderResponses } from './eancom/write-ordrsp.ts';
import { capMarcheEnvelope, capMarcheOrder, HAND_WRITTEN_ORDERS, MOULINS_GLN } from './edi.fixtures.ts';
import { type EdiParseResult, InterchangeCollector, parseEdi } from './parse.ts';
import { EdiStreamParser } from './stream-parser.ts';
import { EdiSyntaxError } from './errors.ts';

const base = {
  buyer: capMarcheOrder.buyer,
  supplier: MOULINS_GLN,
  deliveryPoint: capMarcheOrder.deliveryPoint,
  documentDate: '2026-01-20',
};
const VALID: string[] = [
  writeOrders(capMarcheEnvelope, [capMarcheOrder]),
  HAND_WRITTEN_ORDERS,
  writeOrderResponses(capMarcheEnvelope, [
    {
      ...base,
      messageReference: 'R1',
      responseNumber: 'R1',
      orderNumber: 'PO1',
      lines: [{ lineNumber: 1, gtin: '3012345001212', status: 'changed', quantity: 3, reason: 'a?b' }],
    },
  ]),
  writeDespatchAdvices(capMarcheEnvelope, [
    {
      ...base,
      messageReference: 'D1',
      despatchNumber: 'BL1',
      orderNumber: 'PO1',
      pallets: [
        {
          sscc: sscc(3, '3012345', 7),
          lines: [{ lineNumber: 1, gtin: '3012345001212', quantity: 5, lot: 'L1', bestBefore: '2026-12-01' }],
        },
      ],
    },
  ]),
  writeInvoices(capMarcheEnvelope, [
    {
      ...base,
      messageReference: 'I1',
      invoiceNumber: 'F1',
      lines: [{ lineNumber: 1, gtin: '3012345001212', quantity: 2, unitPriceCents: 720, vatRateBp: 550 }],
    },
  ]),
  'UNA=*,? ~UNB*UNOC=4*A*B*20260119=0812*1~UNG*INVRPT*A*B*260119=0812*G*UN~UNH*1*INVRPT=D=96A=UN=EAN004~BGM*35*X~LIN*1**3012345001212=EN~QTY*145=3,5~UNT*5*1~UNE*1*G~UNZ*1*1~',
];

const READERS = [summarizeMessage, readOrder, readOrderResponse, readDespatchAdvice, readInvoice, readInventoryReport];

/** A mutation: delete, insert or replace characters, or cut the file short. Service characters are favoured. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom("'", '+', ':', '?', 'UNA', 'UNH+9+X', "UNT+1+1'", "UNZ+0+0'", 'UNB+', '\r\n', '\ufeff', "''", 'é'),
      fc.string({ maxLength: 6 }),
    ),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    case 'truncate':
      return text.slice(0, at);
  }
}

function located(r: EdiParseResult): boolean {
  if (r.ok) return true;
  const e = r.error;
  return (
    Number.isInteger(e.segmentIndex) &&
    e.segmentIndex >= 1 &&
    Number.isInteger(e.byteOffset) &&
    e.byteOffset >= 0 &&
    e.expected.length > 0 &&
    (e.tag === null || typeof e.tag === 'string')
  );
}

/** The same parse fed in the given chunks: streaming must not change the outcome. */
function parseInChunks(text: string, cuts: number[]): EdiParseResult {
  const parser = new EdiStreamParser();
  const collector = new InterchangeCollector();
  try {
    let last = 0;
    for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
      collector.add(parser.feed(text.slice(last, cut)));
      last = cut;
    }
    collector.add(parser.feed(text.slice(last)));
    collector.add(parser.end());
  } catch (error) {
    if (error instanceof EdiSyntaxError) return { ok: false, error: { ...error.location, message: error.message } };
    throw error;
  }
  return { ok: true, interchanges: collector.interchanges, warnings: collector.warnings, latin1: false };
}

describe('parser robustness (property)', () => {
  it('every valid interchange written here parses without a warning', () => {
    for (const text of VALID) expect(parseEdi(text)).toMatchObject({ ok: true, warnings: [] });
  });

  it('random mutations never throw: they parse (maybe with warnings) or give a located error, and readers cope', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, mutations) => {
        const mutated = mutations.reduce(apply, text);
        const r = parseEdi(mutated);
        expect(located(r)).toBe(true);
        if (r.ok) for (const m of r.interchanges.flatMap((i) => i.messages)) for (const read of READERS) read(m);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same result whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (text, mutations, cuts) => {
          const mutated = mutations.reduce(apply, text);
          expect(parseInChunks(mutated, cuts)).toEqual(parseEdi(mutated));
        },
      ),
      { numRuns: 1000 },
    );
  });

  // Its speed is measured by the EDI benchmark, not here: a timed assertion fails on a loaded machine.
  it('reads a large interchange whole', () => {
    const line = "LIN+1++3012345001212:EN'QTY+21:160'PRI+AAA:7.2'";
    const body = line.repeat(50_000);
    const text = `UNB+UNOC:3+A+B+260119:0812+1'UNH+1+ORDERS:D:96A:UN'${body}UNT+150002+1'UNZ+1+1'`;
    const r = parseEdi(text);
    expect(r.ok && r.interchanges[0].messages[0].segments.length).toBe(150_002);
  });
});
