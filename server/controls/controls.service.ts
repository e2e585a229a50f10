import fs from 'node:fs';
import { compareDocuments, type Discrepancy, type QuantityLine } from '../../core/controls/compare.ts';
import type { Control, ControlDecisionInput, ControlQuery } from '../../core/controls/controls.schemas.ts';
import { type CorrectedLine, correctionOf } from '../../core/controls/correction.ts';
import type { Role } from '../../core/auth/roles.ts';
import { CREDIT_NOTE_APPROVAL_CENTS } from '../../core/complaints/resolution.ts';
import type { ComplaintReason } from '../../core/complaints/complaint.ts';
import { readInvoice } from '../../core/edi/eancom/invoic.ts';
import { readReceivingAdvice } from '../../core/edi/eancom/recadv.ts';
import { parseEdi } from '../../core/edi/parse.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { recordComplaint } from '../complaints/record-complaint.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { filePath, fileStoreOf } from '../documents/file-store.ts';
import { AppError, type FieldError, notFound } from '../errors.ts';
import { conflict } from '../http/field-errors.ts';
import * as repo from './controls.repository.ts';
import { issueCorrection } from './corrected-invoice.ts';

type EdiKeys = Awaited<ReturnType<typeof repo.productKeysForEdi>>;
type Item = { supplierCode: string | null; gtin: string | null };
const productOf = (keys: EdiKeys, item: Item) =>
  (item.supplierCode ? keys.byCode.get(item.supplierCode) : undefined) ?? (item.gtin ? keys.byGtin.get(item.gtin) : undefined);

/** The EANCOM messages of a filed interchange; none when the file cannot be read (it is listed, not compared). */
function messagesOf(db: DbOrTrx, sha256: string) {
  const path = filePath(fileStoreOf(db), sha256);
  if (!fs.existsSync(path)) return [];
  const parsed = parseEdi(fs.readFileSync(path));
  return parsed.ok ? parsed.interchanges.flatMap((i) => i.messages) : [];
}

const invalid = (path: string, code: FieldError['code'], params: FieldError['params'], message: string) =>
  new AppError('VALIDATION', message, [{ path, code, params, message }]);

type Decision = ControlDecisionInput['action'];

const sum = (rows: readonly QuantityLine[], productId: number) =>
  rows.filter((r) => r.productId === productId).reduce((s, r) => s + r.quantity, 0);

/** The product's order lines as one (their quantities and nets added up): what a correcting document values it at. */
function correctedLine(
  lines: readonly {
    productId: number;
    productCode: string;
    productName: string;
    quantity: number;
    netCents: number;
    vatRateBp: number;
    status: string;
    deliveredQuantity: number | null;
  }[],
  productId: number,
): CorrectedLine | null {
  const own = lines.filter((l) => l.productId === productId && !(l.status === 'cancelled' && l.deliveredQuantity === null));
  if (!own.length) return null;
  return {
    productCode: own[0].productCode,
    productName: own[0].productName,
    orderedQuantity: own.reduce((s, l) => s + l.quantity, 0),
    orderedNetCents: own.reduce((s, l) => s + Number(l.netCents), 0),
    vatRateBp: own[0].vatRateBp,
  };
}

const REASON_OF: Record<Discrepancy['kind'], ComplaintReason> = {
  'shipped-short': 'missing-quantity',
  'shipped-over': 'other',
  'not-ordered': 'wrong-product',
  'received-short': 'missing-quantity',
  'received-over': 'other',
  'invoiced-over': 'invoice-error',
  'invoiced-under': 'invoice-error',
  'invoiced-price': 'invoice-error',
};

/**
 * Each delivered order with its documents side by side and what disagrees between them (core/controls/compare),
 * with what the desk decided about each discrepancy; `status` open keeps the orders with one still undecided.
 */
export async function listControls(db: DbOrTrx, query: ControlQuery): Promise<Control[]> {
  const orders = await repo.listDeliveredOrders(db, { customerId: query.customerId, orderId: query.orderId, limit: query.limit ?? 200 });
  const ids = orders.map((o) => o.id);
  const [lines, deliveries, files, decisions, keys] = await Promise.all([
    repo.listOrderLines(db, ids),
    repo.listDeliveryLines(db, ids),
    repo.listControlFiles(db, ids),
    repo.listDecisions(db, ids),
    repo.productKeysForEdi(db),
  ]);
  const status = query.status ?? 'open';
  const out: Control[] = [];
  for (const o of orders) {
    const orderLines = lines.filter((l) => l.orderId === o.id);
    const shippedRows = deliveries.filter((d) => d.orderId === o.id);
    const names = new Map(orderLines.map((l) => [l.productId, { code: l.productCode, name: l.productName }]));
    // Lines cancelled before anything left were never to be delivered.
    const ordered = orderLines
      .filter((l) => !(l.status === 'cancelled' && l.deliveredQuantity === null))
      .map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceCents: l.unitPriceCents }));
    const shipped = shippedRows.map((d) => ({ productId: d.productId, quantity: d.quantity }));
    // What the desk already settled with the customer at delivery: carried to a backorder or cancelled.
    const settled = orderLines
      .filter((l) => (l.status === 'backordered' || l.status === 'short_cancelled') && l.deliveredQuantity !== null)
      .map((l) => ({
        productId: l.productId,
        quantity: shippedRows.filter((d) => d.orderLineId === l.id).reduce((s, d) => s + d.quantity, 0) - l.deliveredQuantity!,
      }));

    const receipts: Control['documents']['receipts'] = [];
    const invoices: Control['documents']['invoices'] = [];
    const recadvLines: QuantityLine[] = [];
    const invoicedLines: { productId: number; quantity: number; unitPriceCents: number }[] = [];
    for (const f of files.filter((x) => x.orderId === o.id)) {
      for (const message of messagesOf(db, f.sha256)) {
        if (f.kind === 'edi-recadv' && message.header.type === 'RECADV') {
          const advice = readReceivingAdvice(message);
          receipts.push({ documentId: f.publicId, number: advice.documentNumber, date: advice.receiptDate });
          for (const l of advice.lines) {
            const productId = productOf(keys, l);
            if (productId !== undefined) recadvLines.push({ productId, quantity: l.accepted ?? 0 });
          }
        } else if (f.kind === 'edi-invoic' && message.header.type === 'INVOIC') {
          const invoice = readInvoice(message);
          // A complaint's credit note goes out as INVOIC 381 on the same order: it settles a discrepancy (its
          // decision says so), it is not more goods invoiced. Only invoices are compared, and corrected.
          if (invoice.documentCode === '381') continue;
          invoices.push({ documentId: f.publicId, number: invoice.invoiceNumber, date: invoice.documentDate });
          for (const l of invoice.lines) {
            const productId = productOf(keys, l);
            if (productId !== undefined)
              invoicedLines.push({ productId, quantity: l.quantity ?? 0, unitPriceCents: Math.round((l.unitPrice ?? 0) * 100) });
          }
        }
      }
    }
    const reported = shippedRows.every((d) => d.deliveredQuantity !== null) && shippedRows.length > 0;
    const received = receipts.length
      ? { source: 'recadv' as const, lines: recadvLines }
      : reported
        ? {
            source: 'delivery-report' as const,
            lines: shippedRows.map((d) => ({ productId: d.productId, quantity: d.deliveredQuantity! })),
          }
        : null;
    const found = compareDocuments({
      ordered,
      shipped: shippedRows.length ? shipped : null,
      received,
      invoiced: invoices.length ? invoicedLines : null,
      settled,
    });
    const decided = new Map(decisions.filter((d) => d.orderId === o.id).map((d) => [d.discrepancyKey, d]));
    const discrepancies = found.map((d) => {
      const decision = decided.get(d.key);
      const action = decision?.action as Decision | undefined;
      // A correcting document corrects an invoice: without one on the order, there is nothing to correct.
      const correction = invoices.length ? correctionOf(d, correctedLine(orderLines, d.productId), sum(invoicedLines, d.productId)) : null;
      return {
        ...d,
        productCode: names.get(d.productId)?.code ?? String(d.productId),
        correction: correction && {
          kind: correction.kind,
          netCents: correction.netCents,
          vatCents: correction.vatCents,
          grossCents: correction.grossCents,
        },
        status: action ?? ('open' as const),
        decision: decision
          ? {
              action: action!,
              complaintId: decision.complaintId,
              complaintNumber: decision.complaintNumber,
              documentId: decision.documentId,
              documentNumber: decision.documentNumber,
              note: decision.note,
              decidedByName: decision.decidedByName,
              decidedAt: decision.decidedAt,
            }
          : null,
      };
    });
    const open = discrepancies.some((d) => d.status === 'open');
    if (status === 'open' && !open) continue;
    if (status === 'settled' && (open || !discrepancies.length)) continue;

    const productIds = [...new Set([...ordered, ...shipped, ...recadvLines, ...invoicedLines].map((l) => l.productId))];
    out.push({
      order: { id: o.id, number: o.number, customerRef: o.customerRef, status: o.status },
      customer: { id: o.customerId, code: o.customerCode, name: o.customerName },
      documents: {
        deliveryNotes: [
          ...new Map(
            shippedRows.map((d) => [d.deliveryId, { documentId: d.documentId, number: d.deliveryNoteNumber, date: d.shippedAt }]),
          ).values(),
        ],
        receipts,
        invoices,
      },
      receivedSource: received?.source ?? null,
      lines: productIds.map((productId) => {
        const line = ordered.find((l) => l.productId === productId);
        const inv = invoicedLines.find((l) => l.productId === productId);
        return {
          productId,
          productCode: names.get(productId)?.code ?? String(productId),
          productName: names.get(productId)?.name ?? '',
          ordered: sum(ordered, productId),
          orderedUnitPriceCents: line?.unitPriceCents ?? null,
          shipped: shippedRows.length ? sum(shipped, productId) : null,
          received: received ? sum(received.lines, productId) : null,
          invoiced: invoices.length ? sum(invoicedLines, productId) : null,
          invoicedUnitPriceCents: inv?.unitPriceCents ?? null,
        };
      }),
      discrepancies,
    });
  }
  return out;
}

/** The credit note or corrective invoice a discrepancy would become, refused with the reason when there is none. */
async function correctionFor(db: DbOrTrx, control: Control, discrepancy: Control['discrepancies'][number], role: Role) {
  const refuse = (code: FieldError['code'], message: string) => invalid('body.action', code, {}, message);
  if (!control.documents.invoices.length) throw refuse('no-invoice', `order ${control.order.number} has no invoice to correct`);
  const invoiced = control.lines.find((l) => l.productId === discrepancy.productId)?.invoiced ?? 0;
  const correction = correctionOf(
    discrepancy,
    correctedLine(await repo.listOrderLines(db, [control.order.id]), discrepancy.productId),
    invoiced,
  );
  if (!correction)
    throw refuse('nothing-to-correct', `${discrepancy.key} is not the invoice's, or has no agreed price or no amount at stake`);
  // As a complaint's credit note: above the threshold, only a manager gives the money back.
  if (correction.kind === 'credit-note' && role !== 'manager' && correction.netCents > CREDIT_NOTE_APPROVAL_CENTS)
    throw new AppError('UNPROCESSABLE', `a credit note above ${CREDIT_NOTE_APPROVAL_CENTS} cents needs a manager`, [
      {
        path: 'body.action',
        code: 'needs-approval',
        params: { limit: CREDIT_NOTE_APPROVAL_CENTS, amount: correction.netCents },
        message: 'above the threshold: a manager issues it',
      },
    ]);
  return correction;
}

/**
 * Settles one discrepancy in one action: `complaint` opens a complaint on the order with the product's line and
 * the quantity at stake (its reason from the kind of discrepancy); `accepted` leaves it as it stands, with a note;
 * `corrected-invoice` issues the credit note or corrective invoice that settles it, filed with the order. The
 * decision's unique key makes it once only: deciding again, even at the same moment, answers 409 and issues nothing.
 */
export async function decideDiscrepancy(
  db: Db,
  orderId: number,
  input: ControlDecisionInput,
  user: { id: number; role: Role },
  now: Date,
): Promise<Control> {
  const [control] = await listControls(db, { orderId, status: 'all' });
  if (!control) throw notFound('Delivered order', orderId);
  const discrepancy = control.discrepancies.find((d) => d.key === input.key);
  if (!discrepancy)
    throw invalid('body.key', 'not-found', { entity: 'discrepancy', id: input.key }, `no discrepancy ${input.key} on this order`);
  const decided = (action: string) => conflict('body.key', input.key, `already decided: ${action}`);
  if (discrepancy.decision) throw decided(discrepancy.decision.action);
  const correction = input.action === 'corrected-invoice' ? await correctionFor(db, control, discrepancy, user.role) : null;
  let complaintId: number | null = null;
  if (input.action === 'complaint') {
    const lines = await repo.listOrderLines(db, [orderId]);
    const line = lines.find((l) => l.productId === discrepancy.productId);
    const quantity =
      discrepancy.kind === 'invoiced-price'
        ? (control.lines.find((l) => l.productId === discrepancy.productId)?.invoiced ?? 0)
        : Math.abs(discrepancy.expected - discrepancy.actual);
    const complaint = await recordComplaint(
      db,
      user.id,
      {
        customerId: control.customer.id,
        orderId,
        lines: line && quantity > 0 ? [{ orderLineId: line.id, quantity }] : undefined,
        reason: REASON_OF[discrepancy.kind],
        description:
          input.note?.trim() || `${discrepancy.kind} ${discrepancy.productCode}: ${discrepancy.expected} → ${discrepancy.actual}`,
        channel: 'email',
      },
      now,
    );
    complaintId = complaint.id;
  }
  try {
    await db.transaction().execute(async (trx) => {
      // The decision first: of two at once, the second waits on its unique key and fails before printing anything.
      await repo.insertDecision(trx, {
        orderId,
        discrepancyKey: input.key,
        action: input.action,
        complaintId,
        documentId: null,
        documentNumber: null,
        note: input.note?.trim() || null,
        decidedBy: user.id,
        decidedAt: now.toISOString(),
      });
      const issued = correction && (await issueCorrection(trx, control, discrepancy, correction, user.id, now));
      if (issued) await repo.setDecisionDocument(trx, orderId, input.key, issued);
      await recordAudit(trx, {
        entityType: 'order',
        entityId: orderId,
        orderId,
        action: 'control_decision',
        userId: user.id,
        after: {
          key: input.key,
          action: input.action,
          complaintId,
          ...(issued && { documentNumber: issued.number, kind: correction.kind, grossCents: correction.grossCents }),
        },
        note: input.note?.trim() || null,
        at: now.toISOString(),
      });
    });
  } catch (error) {
    const other = await repo.findDecision(db, orderId, input.key);
    if (other) throw decided(other.action);
    throw error;
  }
  return (await listControls(db, { orderId, status: 'all' }))[0];
}
