import { describe, expect, it } from 'vitest';
import { hasValidGs1CheckDigit, sscc } from '../../catalog/packaging.ts';
import { CAP_MARCHE_GLN, CAP_MARCHE_SARAN_GLN, MOULINS_GLN } from '../edi.fixtures.ts';
import type { EnvelopeInput } from '../writer.ts';
import { palletize } from './despatch-pallets.ts';
import { type AskedOrder, type ConfirmedLine, orderResponseLines } from './order-response.ts';
import { readDespatchAdvice } from './desadv.ts';
import { readInvoice } from './invoic.ts';
import { readOrderResponse } from './ordrsp.ts';
import { parseOrThrow } from './test-support.ts';
import { writeDespatchAdvices } from './write-desadv.ts';
import { invoiceTotals, writeInvoices } from './write-invoic.ts';
import { responseFunction, writeOrderResponses } from './write-ordrsp.ts';

/** Every outbound message goes from us to Cap Marché's Saran warehouse. */
const parties = { buyer: CAP_MARCHE_GLN, supplier: MOULINS_GLN, deliveryPoint: CAP_MARCHE_SARAN_GLN };
const envelope: EnvelopeInput = {
  sender: MOULINS_GLN,
  recipient: CAP_MARCHE_GLN,
  reference: 'MD0000042',
  date: '2026-01-19',
  time: '10:30',
};

describe('ORDRSP', () => {
  const response = {
    messageReference: 'R1',
    responseNumber: 'ARC-2026-0042',
    documentDate: '2026-01-19',
    orderNumber: 'CM-PO-771201',
    orderDate: '2026-01-19',
    deliveryDate: '2026-01-21',
    ...parties,
    lines: [
      { lineNumber: 1, gtin: '3012345001212', buyerCode: 'CM-204511', status: 'accepted' as const, quantity: 160, unitPriceCents: 720 },
      {
        lineNumber: 2,
        gtin: '3012345001229',
        buyerCode: 'CM-204512',
        status: 'changed' as const,
        quantity: 120,
        deliveryDate: '2026-01-23',
        reason: 'Rupture partielle: reliquat le 23/01',
      },
      { lineNumber: 3, gtin: '3012345002011', buyerCode: 'CM-301877', status: 'rejected' as const, quantity: 0, reason: 'Produit arrêté' },
    ],
  };

  it('round-trips accepted, changed and refused lines with the right codes', () => {
    const text = writeOrderResponses(envelope, [response]);
    const { messages, warnings, interchanges } = parseOrThrow(text);
    expect(warnings).toEqual([]);
    expect(interchanges[0].header.sender.id).toBe(MOULINS_GLN);
    const r = readOrderResponse(messages[0]);
    expect(r).toMatchObject({
      documentName: '231',
      documentNumber: 'ARC-2026-0042',
      messageFunction: '4',
      response: 'changed',
      orderNumber: 'CM-PO-771201',
      orderDate: '2026-01-19',
      deliveryDate: '2026-01-21',
    });
    expect(
      r.lines.map((l) => [l.lineNumber, l.action, l.response, l.gtin, l.buyerCode, l.quantity, l.deliveryDate, l.netPrice, l.notes]),
    ).toEqual([
      [1, '5', 'accepted', '3012345001212', 'CM-204511', 160, null, 7.2, []],
      [2, '3', 'changed', '3012345001229', 'CM-204512', 120, '2026-01-23', null, ['Rupture partielle: reliquat le 23/01']],
      [3, '7', 'rejected', '3012345002011', 'CM-301877', null, null, null, ['Produit arrêté']],
    ]);
  });

  it('answers each line against what the ORDERS asked: quantity, date and price changes, cancelled and dropped lines refused', () => {
    const line = (lineNumber: number, more: Partial<ConfirmedLine> = {}): ConfirmedLine => ({
      item: { lineNumber, gtin: `301234500${1000 + lineNumber}`, buyerCode: `CM-${lineNumber}` },
      cancelled: false,
      quantity: 80,
      orderedQuantity: 80,
      netUnitPriceCents: 720,
      expectedUnitPriceCents: null,
      ...more,
    });
    const asked: AskedOrder = {
      deliveryDate: '2026-01-21',
      lines: [1, 2, 3, 4, 5].map((n) => ({ lineNumber: n, item: { lineNumber: n, gtin: `301234500${1000 + n}` } })),
    };
    const confirmed = [
      line(1, { expectedUnitPriceCents: 720 }),
      line(2, { quantity: 96 }),
      line(3, { expectedUnitPriceCents: 690 }),
      line(5, { cancelled: true }),
    ];
    const onTime = orderResponseLines(confirmed, '2026-01-21', asked);
    expect(
      onTime.map((l) => [l.lineNumber, l.status, l.quantity, l.unitPriceCents ?? null, l.deliveryDate ?? null, l.reason ?? null]),
    ).toEqual([
      [1, 'accepted', 80, 720, null, null],
      [2, 'changed', 96, 720, null, 'Quantité 96 au lieu de 80'],
      [3, 'changed', 80, 720, null, 'Prix net 7,20 EUR HT au lieu de 6,90 EUR'],
      [4, 'rejected', 0, null, null, 'Ligne non retenue'],
      [5, 'rejected', 0, null, null, 'Ligne annulée'],
    ]);
    // Promised two days after the date asked: every line kept says so, with the new date.
    const late = orderResponseLines([line(1)], '2026-01-23', { ...asked, lines: asked.lines.slice(0, 1) });
    expect(late).toMatchObject([
      { lineNumber: 1, status: 'changed', deliveryDate: '2026-01-23', reason: 'Livraison le 23/01/2026 au lieu du 21/01/2026' },
    ]);
    // Confirmed as it came in (no message to compare with): as asked.
    expect(orderResponseLines([line(1)], '2026-01-21', null).map((l) => l.status)).toEqual(['accepted']);
    // Written and read back: the LIN actions, the new quantity, date and price.
    const r = readOrderResponse(
      parseOrThrow(writeOrderResponses(envelope, [{ ...response, lines: [...onTime, ...late.map((l) => ({ ...l, lineNumber: 6 }))] }]))
        .messages[0],
    );
    expect(r.lines.map((l) => [l.lineNumber, l.response, l.quantity, l.deliveryDate, l.netPrice])).toEqual([
      [1, 'accepted', 80, null, 7.2],
      [2, 'changed', 96, null, 7.2],
      [3, 'changed', 80, null, 7.2],
      [4, 'rejected', null, null, null],
      [5, 'rejected', null, null, null],
      [6, 'changed', 80, '2026-01-23', 7.2],
    ]);
    expect(r.response).toBe('changed');
  });

  it('says 29 when all is accepted, 27 when all is refused', () => {
    expect(responseFunction([{ status: 'accepted' }, { status: 'accepted' }])).toBe('29');
    expect(responseFunction([{ status: 'rejected' }])).toBe('27');
    expect(responseFunction([{ status: 'accepted' }, { status: 'rejected' }])).toBe('4');
  });
});

describe('sscc', () => {
  it('builds an SSCC-18 with its GS1 check digit (GS1 example 354123450000000014)', () => {
    expect(sscc(3, '5412345', 1)).toBe('354123450000000014');
    const ours = sscc(0, '3012345', 987_654_321);
    expect(ours).toMatch(/^03012345987654321\d$/);
    expect(hasValidGs1CheckDigit(ours)).toBe(true);
  });

  it('refuses a serial that does not fit, a bad prefix or extension', () => {
    expect(() => sscc(3, '3012345', 1_000_000_000)).toThrow(RangeError);
    expect(() => sscc(10, '3012345', 1)).toThrow(RangeError);
    expect(() => sscc(3, '30A2345', 1)).toThrow(RangeError);
  });
});

describe('DESADV', () => {
  const advice = {
    messageReference: 'D1',
    despatchNumber: 'BL-202601-0042-1',
    documentDate: '2026-01-20',
    despatchDate: '2026-01-20',
    deliveryDate: '2026-01-21',
    orderNumber: 'CM-PO-771201',
    ...parties,
    shipFrom: '3012345000109',
    pallets: [
      {
        sscc: sscc(3, '3012345', 1),
        grossWeightG: 812_400,
        lines: [
          {
            lineNumber: 1,
            gtin: '3012345001212',
            buyerCode: 'CM-204511',
            quantity: 160,
            orderedQuantity: 160,
            lot: 'L26019A',
            bestBefore: '2026-10-16',
          },
        ],
      },
      {
        sscc: sscc(3, '3012345', 2),
        grossWeightG: 500_000,
        lines: [
          { lineNumber: 2, gtin: '3012345001229', buyerCode: 'CM-204512', quantity: 80, lot: 'L26018B', bestBefore: '2026-10-15' },
          { lineNumber: 3, gtin: '3012345002011', quantity: 180 },
        ],
      },
    ],
  };

  it('round-trips the CPS hierarchy, SSCCs with valid check digits, lots and best-before dates', () => {
    const { messages, warnings } = parseOrThrow(writeDespatchAdvices(envelope, [advice]));
    expect(warnings).toEqual([]);
    const d = readDespatchAdvice(messages[0]);
    expect(d).toMatchObject({
      despatchNumber: 'BL-202601-0042-1',
      documentDate: '2026-01-20',
      despatchDate: '2026-01-20',
      deliveryDate: '2026-01-21',
      orderNumber: 'CM-PO-771201',
      deliveryPoint: { id: CAP_MARCHE_SARAN_GLN },
    });
    expect(d.packages.map((p) => [p.sequence, p.parent, p.sscc, p.grossWeightKg])).toEqual([
      ['1', null, null, null],
      ['2', '1', '330123450000000018', 812.4],
      ['3', '1', '330123450000000025', 500],
    ]);
    expect(d.packages[1].lines).toEqual([
      {
        lineNumber: 1,
        gtin: '3012345001212',
        buyerCode: 'CM-204511',
        supplierCode: null,
        quantity: 160,
        orderedQuantity: 160,
        lot: 'L26019A',
        bestBefore: '2026-10-16',
      },
    ]);
    expect(d.packages[2].lines.map((l) => [l.lineNumber, l.quantity, l.lot, l.bestBefore])).toEqual([
      [2, 80, 'L26018B', '2026-10-15'],
      [3, 180, null, null],
    ]);
  });

  it('loads each line on its own pallets lot by lot, a pallet across two lots naming each, and reads back every lot and date', () => {
    const t45 = { lineNumber: 1, gtin: '3012345001212', buyerCode: 'CM-204511' };
    const sugar = { lineNumber: 2, gtin: '3012345002011', buyerCode: 'CM-301877' };
    const loads = palletize([
      // 200 sacks at 80 a pallet, from two lots: the second pallet holds the end of one and the start of the next.
      {
        line: t45,
        quantity: 200,
        perPallet: 80,
        lots: [
          { lot: 'L26005A', bestBefore: '2026-07-05', quantity: 120 },
          { lot: 'L26012B', bestBefore: '2026-07-12', quantity: 80 },
        ],
      },
      // Lots on file for only part of it: the rest travels without a lot.
      { line: sugar, quantity: 50, perPallet: null, lots: [{ lot: 'S2511', bestBefore: '2027-11-30', quantity: 30 }] },
    ]);
    expect(loads.map((p) => p.map((s) => [s.line.lineNumber, s.quantity, s.lot]))).toEqual([
      [[1, 80, 'L26005A']],
      [
        [1, 40, 'L26005A'],
        [1, 40, 'L26012B'],
      ],
      [[1, 40, 'L26012B']],
      [
        [2, 30, 'S2511'],
        [2, 20, null],
      ],
    ]);
    const pallets = loads.map((load, k) => ({
      sscc: sscc(3, '3012345', 10 + k),
      lines: load.map((s) => ({ ...s.line, quantity: s.quantity, lot: s.lot, bestBefore: s.bestBefore })),
    }));
    const text = writeDespatchAdvices(envelope, [{ ...advice, pallets }]);
    const { messages, warnings } = parseOrThrow(text);
    expect(warnings).toEqual([]);
    const d = readDespatchAdvice(messages[0]);
    const read = d.packages.flatMap((p) => p.lines.map((l) => [p.sscc, l.lineNumber, l.quantity, l.lot, l.bestBefore]));
    expect(read).toEqual([
      [sscc(3, '3012345', 10), 1, 80, 'L26005A', '2026-07-05'],
      [sscc(3, '3012345', 11), 1, 40, 'L26005A', '2026-07-05'],
      [sscc(3, '3012345', 11), 1, 40, 'L26012B', '2026-07-12'],
      [sscc(3, '3012345', 12), 1, 40, 'L26012B', '2026-07-12'],
      [sscc(3, '3012345', 13), 2, 30, 'S2511', '2027-11-30'],
      [sscc(3, '3012345', 13), 2, 20, null, null],
    ]);
    // CNT+2 counts the LIN segments written.
    expect(text).toContain("CNT+2:6'");
  });

  it('refuses an SSCC whose check digit is wrong', () => {
    const bad = { ...advice, pallets: [{ ...advice.pallets[0], sscc: '330123450000000014' }] };
    expect(() => writeDespatchAdvices(envelope, [bad])).toThrow(/SSCC/);
  });
});

describe('INVOIC', () => {
  const invoice = {
    messageReference: 'I1',
    invoiceNumber: 'FA-2026-00042',
    documentDate: '2026-01-22',
    deliveryDate: '2026-01-21',
    dueDate: '2026-03-31',
    orderNumber: 'CM-PO-771201',
    despatchNumber: 'BL-202601-0042-1',
    ...parties,
    invoicee: CAP_MARCHE_GLN,
    supplierVatNumber: 'FR45903123456',
    lines: [
      { lineNumber: 1, gtin: '3012345001212', buyerCode: 'CM-204511', quantity: 160, unitPriceCents: 720, vatRateBp: 550 },
      { lineNumber: 2, gtin: '3012345001229', buyerCode: 'CM-204512', quantity: 3, unitPriceCents: 333, vatRateBp: 550 },
      { lineNumber: 3, gtin: '3012345009997', quantity: 1, unitPriceCents: 1999, vatRateBp: 2000, description: 'Palette consignée' },
    ],
  };

  it('computes VAT per rate on its base', () => {
    expect(invoiceTotals(invoice.lines)).toEqual({
      netCents: 115_200 + 999 + 1999,
      vatCents: 6391 + 400,
      grossCents: 118_198 + 6791,
      vat: [
        { rateBp: 550, baseCents: 116_199, vatCents: 6391 },
        { rateBp: 2000, baseCents: 1999, vatCents: 400 },
      ],
    });
  });

  it('round-trips lines, totals and the VAT summary', () => {
    const { messages, warnings } = parseOrThrow(writeInvoices(envelope, [invoice]));
    expect(warnings).toEqual([]);
    const i = readInvoice(messages[0]);
    expect(i).toMatchObject({
      invoiceNumber: 'FA-2026-00042',
      documentDate: '2026-01-22',
      deliveryDate: '2026-01-21',
      dueDate: '2026-03-31',
      orderNumber: 'CM-PO-771201',
      despatchNumber: 'BL-202601-0042-1',
      currency: 'EUR',
      totalAmount: 1249.89,
      lineItemsAmount: 1181.98,
      taxableAmount: 1181.98,
      taxAmount: 67.91,
      taxes: [
        { rate: 5.5, taxableAmount: 1161.99, taxAmount: 63.91 },
        { rate: 20, taxableAmount: 19.99, taxAmount: 4 },
      ],
    });
    expect(i.lines.map((l) => [l.lineNumber, l.gtin, l.quantity, l.unitPrice, l.lineAmount, l.vatRate])).toEqual([
      [1, '3012345001212', 160, 7.2, 1152, 5.5],
      [2, '3012345001229', 3, 3.33, 9.99, 5.5],
      [3, '3012345009997', 1, 19.99, 19.99, 20],
    ]);
  });

  it('writes a credit note (BGM 381) naming the invoice it corrects, with a set amount outside the lines', () => {
    const credit = {
      ...invoice,
      documentCode: '381' as const,
      invoiceNumber: 'AV-2026-00007',
      correctedInvoiceNumber: 'FA-2026-00042',
      dueDate: null,
      lines: [{ lineNumber: 1, gtin: '3012345001212', buyerCode: 'CM-204511', quantity: 3, unitPriceCents: 720, vatRateBp: 550 }],
      unitemised: [{ netCents: 2000, vatRateBp: 550 }],
    };
    const { messages, warnings } = parseOrThrow(writeInvoices(envelope, [credit]));
    expect(warnings).toEqual([]);
    const c = readInvoice(messages[0]);
    expect(c).toMatchObject({
      documentCode: '381',
      invoiceNumber: 'AV-2026-00007',
      correctedInvoiceNumber: 'FA-2026-00042',
      orderNumber: 'CM-PO-771201',
      // 3 sacks at 7,20 € and a 20 € gesture, at 5,5 %: 41,60 € + 2,29 € of VAT.
      lineItemsAmount: 41.6,
      taxAmount: 2.29,
      totalAmount: 43.89,
    });
    expect(c.lines.map((l) => [l.gtin, l.quantity, l.lineAmount])).toEqual([['3012345001212', 3, 21.6]]);
  });
});
