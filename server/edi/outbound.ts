import fs from 'node:fs';
import path from 'node:path';
import { parisNow } from '../../core/calendar/dates.ts';
import type { Clock } from '../clock.ts';
import { sscc, unitsPerPallet } from '../../core/catalog/packaging.ts';
import { palletize } from '../../core/edi/eancom/despatch-pallets.ts';
import { writeDespatchAdvices, type PalletInput } from '../../core/edi/eancom/write-desadv.ts';
import { writeInvoices } from '../../core/edi/eancom/write-invoic.ts';
import { interchangeBytes } from '../../core/edi/writer.ts';
import { requestedDateOf } from '../../core/edi/eancom/map-order.ts';
import { type AskedOrder, type ConfirmedLine, orderResponseLines } from '../../core/edi/eancom/order-response.ts';
import { readOrder } from '../../core/edi/eancom/orders.ts';
import { writeOrderResponses } from '../../core/edi/eancom/write-ordrsp.ts';
import type { OutboundItem } from '../../core/edi/eancom/write-common.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { filePath, fileStoreOf, storeFile } from '../documents/file-store.ts';
import { findOrderRow, listOrderLineRows } from '../orders/orders.repository.ts';
import {
  claimOutbound,
  findOrderParties,
  findOrdersMessageText,
  findPartnerOfEdiOrderCustomer,
  findOrderInvoiceNumber,
  findPartnerOfOrderMessage,
  insertOutbound,
  listPendingOutbound,
  listProductGtins,
  markOutbound,
  type PartnerRow,
} from './edi.repository.ts';
import { parseStoredMessage } from './stored-message.ts';
import { findCompany, listLinesOfDeliveries, listShippedDeliveries, listShippedLots } from '../deliveries/deliveries.repository.ts';

export type OutboundKind = 'ordrsp' | 'desadv' | 'invoic';

/** The partner an order answers to: the one its EDI message came from, else none (not an EDI order). */
async function partnerOfOrder(trx: Trx, orderId: number): Promise<PartnerRow | null> {
  // An order confirmed as it comes in has no message row yet (it is written after): its customer's partner answers.
  return (await findPartnerOfEdiOrderCustomer(trx, orderId)) ?? (await findPartnerOfOrderMessage(trx, orderId)) ?? null;
}

/**
 * What the customer's ORDERS asked, read again from the stored message: its lines and delivery date. Null for an
 * order confirmed as it came in (its message row is written after): it is confirmed as asked.
 */
async function askedOrder(trx: Trx, orderId: number): Promise<AskedOrder | null> {
  const row = await findOrdersMessageText(trx, orderId);
  if (!row) return null;
  const order = readOrder(parseStoredMessage(row.rawText, row.firstSegment));
  return {
    deliveryDate: requestedDateOf(order),
    lines: order.lines.map((l, i) => ({
      lineNumber: l.lineNumber ?? i + 1,
      item: { lineNumber: l.lineNumber ?? i + 1, gtin: l.gtin ?? '0000000000000', buyerCode: l.buyerCode, supplierCode: l.supplierCode },
    })),
  };
}

function stamp(at: Date) {
  const { date, time } = parisNow(at) as { date: string; time?: string };
  const hhmm = time ? time.slice(0, 5) : at.toISOString().slice(11, 16);
  return { date, time: hhmm };
}

/** What every message about an order starts from: its partner (active), parties, lines, envelope and items. */
async function outboundFrame(trx: Trx, orderId: number, instant: string) {
  const partner = await partnerOfOrder(trx, orderId);
  if (!partner || !partner.active) return null;
  const [order, lines, company, { point, customer }] = await Promise.all([
    findOrderRow(trx, orderId),
    listOrderLineRows(trx, orderId),
    findCompany(trx),
    findOrderParties(trx, orderId),
  ]);
  if (!order || !company?.gln) return null;
  const products = new Map(
    (
      await listProductGtins(
        trx,
        lines.map((l) => l.productId),
      )
    ).map((p) => [p.id, p]),
  );
  const now = new Date(instant);
  const { date, time } = stamp(now);
  const seq = await nextCounter(trx, 'edi-interchange');
  const reference = `C${String(seq).padStart(8, '0')}`;
  const envelope = { sender: company.gln, recipient: partner.gln, reference, date, time };
  const buyer = customer?.gln ?? partner.gln;
  const orderNumber = order.customerRef ?? order.number;
  const orderDate = parisNow(new Date(order.createdAt)).date;
  const item = (l: (typeof lines)[number]): OutboundItem => ({
    lineNumber: l.lineNo,
    gtin: products.get(l.productId)?.gtin ?? products.get(l.productId)?.caseGtin ?? '0000000000000',
    buyerCode: l.customerCode,
    supplierCode: l.productCode,
    description: l.productName,
  });
  const [supplier, supplierVatNumber] = [company.gln, company.vatNumber];
  return {
    partner,
    order,
    lines,
    supplier,
    supplierVatNumber,
    point,
    customer,
    now,
    envelope,
    reference,
    date,
    buyer,
    orderNumber,
    orderDate,
    item,
  };
}

/**
 * Queues the EDI answer to an EDI order inside the caller's transaction: ORDRSP on confirm, DESADV on ship, INVOIC
 * on delivery. The interchange is written and filed (a document linked to the order) now; it is copied to the
 * partner's outbox folder after the commit by flushEdiOutbound, so a rolled-back change never reaches the partner.
 * Not an EDI order, or the partner is inactive: nothing.
 */
export async function queueEdiOutbound(trx: Trx, orderId: number, kind: OutboundKind, instant: string): Promise<number | null> {
  const frame = await outboundFrame(trx, orderId, instant);
  if (!frame) return null;
  const { order, lines, supplier, supplierVatNumber, point, customer, envelope, date, buyer, orderNumber, orderDate, item } = frame;
  let text: string;
  let type: string;
  let documentNumber: string | null = null;
  if (kind === 'ordrsp') {
    type = 'ORDRSP';
    const asked = await askedOrder(trx, orderId);
    const confirmed: ConfirmedLine[] = lines.map((l) => ({
      item: { ...item(l), lineNumber: l.customerLineNo ?? l.lineNo },
      cancelled: l.status === 'cancelled',
      quantity: l.quantity,
      orderedQuantity: l.orderedQuantity,
      netUnitPriceCents: l.quantity > 0 ? Math.round(l.netCents / l.quantity) : l.unitPriceCents,
      expectedUnitPriceCents: l.expectedUnitPriceCents,
      unitFactor: l.customerUnitFactor,
    }));
    // Lines numbered by the customer's LIN only when the order kept them: otherwise no asked line can be matched.
    const byLin = lines.some((l) => l.customerLineNo !== null);
    const responseLines = orderResponseLines(
      confirmed,
      order.promisedDate ?? order.requestedDate,
      asked && { ...asked, lines: byLin ? asked.lines : [] },
    );
    text = writeOrderResponses(envelope, [
      {
        messageReference: '1',
        responseNumber: order.number,
        documentDate: date,
        orderNumber,
        orderDate,
        deliveryDate: order.promisedDate ?? order.requestedDate,
        buyer,
        supplier: supplier,
        deliveryPoint: point?.gln ?? null,
        lines: responseLines,
      },
    ]);
  } else if (kind === 'desadv') {
    type = 'DESADV';
    const deliveries = await listShippedDeliveries(trx, orderId);
    const dlines = await listLinesOfDeliveries(
      trx,
      deliveries.map((d) => d.id),
    );
    const byLine = new Map(lines.map((l) => [l.id, l]));
    const lots = await listShippedLots(
      trx,
      dlines.map((x) => x.id),
    );
    const prefix = supplier.slice(0, 7);
    const advices = [];
    for (const d of deliveries) {
      const loads = palletize(
        dlines
          .filter((x) => x.deliveryId === d.id && byLine.has(x.orderLineId))
          .map((x) => {
            const l = byLine.get(x.orderLineId)!;
            return { line: l, quantity: x.quantity, perPallet: unitsPerPallet(l), lots: lots.filter((lot) => lot.deliveryLineId === x.id) };
          }),
      );
      const pallets: PalletInput[] = [];
      for (const load of loads) {
        pallets.push({
          sscc: sscc(0, prefix, await nextCounter(trx, 'sscc')),
          grossWeightG: load.reduce((sum, s) => sum + s.quantity * s.line.grossWeightG, 0),
          lines: load.map((s) => ({
            ...item(s.line),
            quantity: s.quantity,
            orderedQuantity: s.line.quantity,
            lot: s.lot,
            bestBefore: s.bestBefore,
          })),
        });
      }
      advices.push({
        messageReference: String(advices.length + 1),
        despatchNumber: d.deliveryNoteNumber ?? d.number,
        documentDate: date,
        despatchDate: date,
        deliveryDate: d.plannedDate ?? order.promisedDate,
        orderNumber,
        orderDate,
        buyer,
        supplier: supplier,
        deliveryPoint: point?.gln ?? buyer,
        pallets,
      });
    }
    if (!advices.length) return null;
    text = writeDespatchAdvices(envelope, advices);
  } else {
    type = 'INVOIC';
    const invoiceNumber = `FAC-${date.slice(0, 4)}${date.slice(5, 7)}-${String(await nextCounter(trx, 'edi-invoice')).padStart(5, '0')}`;
    documentNumber = invoiceNumber;
    const invoiced = lines.filter((l) => l.status !== 'cancelled' && (l.deliveredQuantity ?? l.quantity) > 0);
    text = writeInvoices(envelope, [
      {
        messageReference: '1',
        invoiceNumber,
        documentDate: date,
        deliveryDate: date,
        orderNumber,
        buyer,
        supplier: supplier,
        deliveryPoint: point?.gln ?? null,
        invoicee: buyer,
        supplierVatNumber,
        buyerVatNumber: customer?.vatNumber ?? null,
        lines: invoiced.map((l) => {
          const q = l.deliveredQuantity ?? l.quantity;
          return {
            ...item(l),
            quantity: q,
            unitPriceCents: l.unitPriceCents,
            vatRateBp: l.vatRateBp,
            netCents: q === l.quantity ? l.netCents : Math.round((l.netCents * q) / l.quantity),
          };
        }),
      },
    ]);
  }
  return fileOutbound(trx, frame, { type, kind, text, documentNumber });
}

/** A credit note on an order: lines of that order at what is credited, or a set amount that names no line. */
export type EdiCreditNote = {
  number: string;
  lines: { orderLineId: number; quantity: number; netCents: number }[];
  unitemised: { netCents: number; vatRateBp: number }[];
};

/**
 * Queues the INVOIC 381 of a credit note on an EDI order, in the caller's transaction (the one that numbers the
 * credit note): the retailer's accounts payable match it against the invoice it names (RFF+IV, the INVOIC 380 sent
 * on delivery, when there was one). Not an EDI order, or the partner is inactive: nothing.
 */
export async function queueEdiCreditNote(trx: Trx, orderId: number, credit: EdiCreditNote, instant: string): Promise<number | null> {
  const frame = await outboundFrame(trx, orderId, instant);
  if (!frame) return null;
  const { order, lines, supplier, supplierVatNumber, point, customer, envelope, date, buyer, orderNumber, item } = frame;
  const byId = new Map(lines.map((l) => [l.id, l]));
  const text = writeInvoices(envelope, [
    {
      messageReference: '1',
      documentCode: '381',
      invoiceNumber: credit.number,
      correctedInvoiceNumber: (await findOrderInvoiceNumber(trx, order.id)) ?? null,
      documentDate: date,
      orderNumber,
      buyer,
      supplier,
      deliveryPoint: point?.gln ?? null,
      invoicee: buyer,
      supplierVatNumber,
      buyerVatNumber: customer?.vatNumber ?? null,
      lines: credit.lines.map((c) => {
        const l = byId.get(c.orderLineId)!;
        return { ...item(l), quantity: c.quantity, unitPriceCents: l.unitPriceCents, vatRateBp: l.vatRateBp, netCents: c.netCents };
      }),
      unitemised: credit.unitemised,
    },
  ]);
  return fileOutbound(trx, frame, { type: 'INVOIC', kind: 'invoic', text, documentNumber: credit.number });
}

/** Files a written interchange with the order's documents and queues it for the partner's outbox folder. */
async function fileOutbound(
  trx: Trx,
  { partner, order, reference, now }: NonNullable<Awaited<ReturnType<typeof outboundFrame>>>,
  { type, kind, text, documentNumber }: { type: string; kind: OutboundKind; text: string; documentNumber: string | null },
): Promise<number> {
  const orderId = order.id;
  // Declared UNOC (ISO 8859-1): written in it, one byte per character, never UTF-8.
  const stored = await storeFile(fileStoreOf(trx), Buffer.from(interchangeBytes(text)));
  const filename = `${type}_${order.number}_${reference}.edi`;
  const at = now.toISOString();
  const documentId = await insertDocument(trx, {
    kind: `edi-${kind}`,
    filename,
    mimeType: 'application/edifact',
    ...stored,
    orderId,
    createdBy: null,
    createdAt: at,
  });
  const id = await insertOutbound(trx, {
    orderId,
    partnerId: partner.id,
    type,
    controlReference: reference,
    status: 'stored',
    documentId,
    filename,
    error: null,
    createdAt: at,
    writtenAt: null,
    documentNumber,
  });
  soonFlush(trx);
  return id;
}

// The file goes to the outbox once the caller's transaction has committed: flushes shortly after the queueing (a row
// not committed yet is not seen and waits for the next one), and the server's periodic flush for anything left.
const flushTargets = new WeakMap<object, { db: Db; clock: Clock }>();
const scheduled = new WeakSet<object>();
function soonFlush(trx: Trx): void {
  const key = trx.getExecutor().adapter;
  const target = flushTargets.get(key);
  if (!target || scheduled.has(key)) return;
  scheduled.add(key);
  for (const ms of [50, 500, 2000]) {
    setTimeout(() => {
      if (ms === 2000) scheduled.delete(key);
      void flushEdiOutbound(target.db, target.clock).catch(() => undefined);
    }, ms).unref();
  }
}

/** The outbox folder of a partner: DATA_DIR/edi/out/<folder>/. */
export function outboxDir(dataDir: string, folder: string): string {
  return path.join(dataDir, 'edi', 'out', folder);
}

/** Copies committed outbound interchanges to their partner's outbox folder (write aside, then rename). */
export async function flushEdiOutbound(db: Db, clock: Clock): Promise<number> {
  flushTargets.set(db.getExecutor().adapter, { db, clock });
  const dataDir = fileStoreOf(db);
  let n = 0;
  for (const row of await listPendingOutbound(db)) {
    // Claimed first: two flushes (the one after a commit, the periodic one) never write the same file at once.
    if (!(await claimOutbound(db, row.id))) continue;
    try {
      const dir = outboxDir(dataDir, row.outboxFolder);
      await fs.promises.mkdir(dir, { recursive: true });
      const target = path.join(dir, row.filename!);
      const temp = `${target}.${process.pid}-${row.id}.tmp`;
      await fs.promises.copyFile(filePath(dataDir, row.sha256), temp);
      await fs.promises.rename(temp, target);
      await markOutbound(db, row.id, { status: 'written', writtenAt: clock.now().toISOString(), error: null });
      n++;
    } catch (error) {
      await markOutbound(db, row.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return n;
}
