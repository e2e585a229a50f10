import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDespatchAdvice } from '../../core/edi/eancom/desadv.ts';
import { readInvoice } from '../../core/edi/eancom/invoic.ts';
import { readOrder } from '../../core/edi/eancom/orders.ts';
import { readOrderResponse } from '../../core/edi/eancom/ordrsp.ts';
import { summarizeMessage } from '../../core/edi/eancom/summary.ts';
import { parseEdi } from '../../core/edi/parse.ts';
import type { EdiEvent } from '../../core/edi/assembler.ts';
import { readEdiEvents } from '../../server/edi/read-interchanges.ts';

/**
 * Real EDIFACT files written by others' systems (../shared/edi/SOURCES.md). Their licences vary, so they are
 * read where they are and never copied here; CI has the folder, a clone alone may not.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const samples = path.resolve(repo, '../shared/edi/samples');
const present = fs.existsSync(samples);
const files = present
  ? fs
      .readdirSync(samples, { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(samples, f)).isFile())
      .sort()
  : [];

if (!present)
  console.log(`EDI conformance suite skipped: ${samples} does not exist (the shared real samples are not part of this repository).`);

const READERS: Record<string, (m: Parameters<typeof readOrder>[0]) => unknown> = {
  ORDERS: readOrder,
  ORDRSP: readOrderResponse,
  DESADV: readDespatchAdvice,
  INVOIC: readInvoice,
};

function parsed(file: string) {
  const r = parseEdi(fs.readFileSync(path.join(samples, file)));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r;
}

(present ? describe : describe.skip)('conformance: every shared real sample', () => {
  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(29);
  });

  it.each(files)('%s parses, streamed in small chunks as whole, and every message reads', async (file) => {
    const r = parsed(file);
    const messages = r.interchanges.flatMap((i) => i.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      const summary = summarizeMessage(m);
      expect(summary.type).toBe(m.header.type);
      READERS[m.header.type]?.(m);
    }
    const streamed: EdiEvent[] = [];
    for await (const e of readEdiEvents(path.join(samples, file), { chunkBytes: 7 })) streamed.push(e);
    expect(streamed.filter((e) => e.type === 'message').length).toBe(messages.length);
  });

  it('reads what the samples say (spot checks)', () => {
    const amazon = summarizeMessage(parsed('orders/oca-amazon-sample1.edi').interchanges[0].messages[0]);
    expect(amazon).toMatchObject({
      documentNumber: '1AA1TEST',
      documentDate: '2023-06-06',
      deliveryDate: '2023-06-06',
      buyer: '5450534000017',
      deliveryPoint: '5450534008617',
      invoicee: '5450534008143',
      currency: 'EUR',
    });
    expect(amazon.lines[0]).toEqual({
      lineNumber: 1,
      gtin: '9783898307529',
      buyerCode: null,
      supplierCode: null,
      quantity: 5,
      unitPrice: 27.5,
    });

    const comma = readInvoice(parsed('invoic/staedi-d93a-decimal-comma.edi').interchanges[0].messages[0]);
    expect(comma.lines.map((l) => l.unitPrice)).toEqual([750, 19.9, 2.5]);
    expect(comma.lineItemsAmount).toBe(777.4);

    const smooks = parsed('invoic/smooks-edg-d03b.edi').interchanges[0];
    expect(smooks.header.separators.repetition).toBe('*');
    const imd = smooks.messages[0].segments.find((s) => s.tag === 'IMD');
    expect(imd?.elements[2][4]).toBe("Collectors edition of The Hobbit with Tolkien's original colours on sleeve");

    const sscc = readDespatchAdvice(parsed('desadv/edifabric-ean007-sscc.edi').interchanges[0].messages[0]);
    expect(sscc.packages.map((p) => p.sscc)).toEqual([null, '354107380000001051', '354107380000001068']);
    expect(sscc.packages[2].lines.map((l) => [l.gtin, l.quantity])).toEqual([
      ['5410738000169', 5],
      ['5410738000176', 3],
      ['5410738000183', 12],
    ]);

    const rsp = readOrderResponse(parsed('ordrsp/edifabric-ean009.edi').interchanges[0].messages[0]);
    expect(rsp.lines.map((l) => l.response)).toEqual(['accepted', 'changed', 'rejected']);

    const multi = parsed('orders/bots-multi-interchange.edi');
    expect(multi.interchanges.map((i) => i.header.reference)).toEqual(['T0000000004-1', 'T0000000004-2']);

    const php = readOrder(parsed('orders/php-edifact-order-ok-d01b.edi').interchanges[0].messages[0]);
    expect(php.buyer?.name).toBe('A+A K\ufffdlte GmbH');
    expect(php.lines[0]).toMatchObject({
      supplierCode: '1001',
      buyerCode: '6001001',
      quantity: 2,
      unit: 'GBND',
      description: 'Butter 40x250g Alu',
    });
  });

  it('reports the count defects the samples are known for as warnings', () => {
    const codes = (file: string) => parsed(file).warnings.map((w) => `${w.code}@${w.tag}`);
    expect(codes('orders/oca-no-pri.edi')).toContain('segment-count@UNT');
    expect(codes('desadv/edifabric-ean007-sscc.edi')).toContain('message-count@UNZ');
    expect(codes('desadv/php-edifact-d96a.edi')).toContain('message-version@UNH');
    expect(codes('orders/pydifact-order2.edi')).toContain('missing-unz@null');
  });
});
