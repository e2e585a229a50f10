import { describe, expect, it } from 'vitest';
import {
  CAP_MARCHE_GLN,
  CAP_MARCHE_SARAN_GLN,
  HAND_WRITTEN_ORDERS,
  MOULINS_GLN,
  capMarcheEnvelope,
  capMarcheOrder,
} from '../edi.fixtures.ts';
import { readOrder } from './orders.ts';
import { summarizeMessage } from './summary.ts';
import { parseOrThrow } from './test-support.ts';
import { writeOrders } from './write-orders.ts';

describe('readOrder', () => {
  it('reads a hand-written order: window, released text, decimal comma, codes only in PIA', () => {
    const { messages } = parseOrThrow(HAND_WRITTEN_ORDERS);
    const order = readOrder(messages[0]);
    expect(order).toMatchObject({
      documentName: '220',
      documentNumber: 'CM-PO-771202',
      messageFunction: '9',
      documentDate: '2026-01-19',
      deliveryDate: null,
      earliestDelivery: '2026-01-21',
      latestDelivery: '2026-01-22',
      buyer: { id: CAP_MARCHE_GLN, agency: '9' },
      supplier: { id: MOULINS_GLN },
      deliveryPoint: { id: CAP_MARCHE_SARAN_GLN },
      invoicee: null,
      currency: 'EUR',
      notes: ["Quai 4: appeler avant + 30 min l'entrepôt ferme à 13h"],
      lineCount: 2,
    });
    expect(order.lines.map((l) => [l.lineNumber, l.gtin, l.buyerCode, l.supplierCode, l.quantity, l.unit, l.netPrice])).toEqual([
      [1, '3012345001212', 'CM-204511', null, 160, null, 7.2],
      [2, null, 'CM-301877', 'SUC-CRI-1KG', 12.5, 'KGM', null],
    ]);
  });

  it('round-trips a generated order: write → parse gives the same data, counts right', () => {
    const text = writeOrders(capMarcheEnvelope, [
      capMarcheOrder,
      { ...capMarcheOrder, messageReference: 'M2', orderNumber: 'CM-PO-771203' },
    ]);
    const { interchanges, messages, warnings } = parseOrThrow(text);
    expect(warnings).toEqual([]);
    expect(interchanges[0].trailer?.count).toBe(2);
    const order = readOrder(messages[0]);
    expect(order).toMatchObject({
      messageReference: 'M1',
      documentNumber: 'CM-PO-771201',
      documentDate: '2026-01-19',
      deliveryDate: '2026-01-21',
      deliveryTime: '06:00',
      deliveryRequirement: 'SC',
      notes: [capMarcheOrder.note!.replace('—', '-')],
      buyer: { id: CAP_MARCHE_GLN },
      invoicee: { id: CAP_MARCHE_GLN },
      lineCount: 3,
    });
    expect(
      order.lines.map((l) => ({
        lineNumber: l.lineNumber,
        gtin: l.gtin,
        buyerCode: l.buyerCode,
        supplierCode: l.supplierCode,
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        free: l.freeQuantity,
        price: l.netPrice,
        date: l.deliveryDate,
      })),
    ).toEqual(
      capMarcheOrder.lines.map((l) => ({
        lineNumber: l.lineNumber,
        gtin: l.gtin,
        buyerCode: l.buyerCode ?? null,
        supplierCode: l.supplierCode ?? null,
        description: l.description ?? null,
        quantity: l.quantity,
        unit: l.unit ?? null,
        free: l.freeQuantity ?? null,
        price: l.unitPriceCents! / 100,
        date: l.deliveryDate ?? null,
      })),
    );
    expect(readOrder(messages[1]).documentNumber).toBe('CM-PO-771203');
  });

  it('summarizes any message for the CLI', () => {
    const { messages } = parseOrThrow(writeOrders(capMarcheEnvelope, [capMarcheOrder]));
    expect(summarizeMessage(messages[0])).toEqual({
      type: 'ORDERS',
      reference: 'M1',
      documentNumber: 'CM-PO-771201',
      documentDate: '2026-01-19',
      deliveryDate: '2026-01-21',
      buyer: CAP_MARCHE_GLN,
      supplier: MOULINS_GLN,
      deliveryPoint: CAP_MARCHE_SARAN_GLN,
      invoicee: CAP_MARCHE_GLN,
      currency: 'EUR',
      lines: [
        { lineNumber: 1, gtin: '3012345001212', buyerCode: 'CM-204511', supplierCode: null, quantity: 160, unitPrice: 7.2 },
        { lineNumber: 2, gtin: '3012345001229', buyerCode: 'CM-204512', supplierCode: null, quantity: 160, unitPrice: 6.7 },
        { lineNumber: 3, gtin: '13012345002018', buyerCode: 'CM-301877', supplierCode: 'SUC-CRI-1KG', quantity: 18, unitPrice: 94 },
      ],
    });
  });
});
