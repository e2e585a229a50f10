import { parisNow } from '../../core/calendar/dates.ts';
import type { Control } from '../../core/controls/controls.schemas.ts';
import type { Correction } from '../../core/controls/correction.ts';
import { findBilledCustomer } from '../complaints/complaints.repository.ts';
import { renderCreditNote } from '../complaints/credit-note.pdf.ts';
import type { Trx } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import { AppError } from '../errors.ts';
import { nextCounter } from '../orders/counters.repository.ts';

/** What the PDF says the discrepancy was, in French (the document's language). */
const REASONS: Record<Control['discrepancies'][number]['kind'], string> = {
  'shipped-short': 'Quantité expédiée inférieure à la commande',
  'shipped-over': 'Quantité expédiée supérieure à la commande',
  'not-ordered': 'Article expédié sans commande',
  'received-short': 'Quantité reçue inférieure au bon de livraison',
  'received-over': 'Quantité reçue supérieure au bon de livraison',
  'invoiced-over': 'Quantité facturée supérieure à la quantité reçue',
  'invoiced-under': 'Quantité facturée inférieure à la quantité reçue',
  'invoiced-price': 'Prix facturé différent du prix de la commande',
};

/**
 * Issues the correcting document of a discrepancy inside the decision's transaction, so that a failure (or a
 * concurrent decision on the same discrepancy) rolls the number back with the rest: a credit note numbered in the
 * credit notes' series (AV-YYYY-NNNNN, as the complaints' are), a corrective invoice in the invoices' (FAC-YYYYMM-
 * NNNNN, as the invoices sent on delivery). The PDF names the invoice it corrects (the order's latest) and is
 * filed with the order's documents.
 */
export async function issueCorrection(
  trx: Trx,
  control: Control,
  discrepancy: Control['discrepancies'][number],
  correction: Correction,
  userId: number,
  now: Date,
): Promise<{ documentId: number; number: string }> {
  const company = await findCompany(trx);
  if (!company)
    throw new AppError('UNPROCESSABLE', 'The company identity is not set up: a correcting document cannot be printed without it.');
  const date = parisNow(now).date;
  const number =
    correction.kind === 'credit-note'
      ? `AV-${date.slice(0, 4)}-${String(await nextCounter(trx, `credit-note-${date.slice(0, 4)}`)).padStart(5, '0')}`
      : `FAC-${date.slice(0, 4)}${date.slice(5, 7)}-${String(await nextCounter(trx, 'edi-invoice')).padStart(5, '0')}`;
  const invoice = control.documents.invoices.at(-1) ?? null;
  const pdf = await renderCreditNote({
    number,
    date,
    complaintNumber: null,
    correctedInvoice: invoice && { number: invoice.number, date: invoice.date },
    orderNumber: control.order.number,
    reason: `Motif : ${REASONS[discrepancy.kind]}`,
    company,
    customer: await findBilledCustomer(trx, control.customer.id),
    ...correction,
  });
  const documentId = await insertDocument(trx, {
    kind: correction.kind,
    filename: `${number}.pdf`,
    mimeType: 'application/pdf',
    ...(await storeFile(fileStoreOf(trx), pdf)),
    orderId: control.order.id,
    createdBy: userId,
    createdAt: now.toISOString(),
  });
  return { documentId, number };
}
