import { parisNow } from '../../core/calendar/dates.ts';
import type { Channel } from '../../core/customers/customer.ts';
import { paymentTermsText } from '../../core/customers/payment-terms.ts';
import type { Order } from '../../core/orders/order.ts';
import { moneyOnlyLine, orderTotals } from '../../core/orders/totals.ts';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import { findCompany, findShipToParties } from '../deliveries/deliveries.repository.ts';
import { AppError } from '../errors.ts';
import { acknowledgementEmail } from '../mail/acknowledgement-email.ts';
import { chooseOrderRecipient } from '../mail/order-contact.ts';
import { insertOutboxEmail } from '../mail/outbox.repository.ts';
import { getOrder } from '../orders/orders.service.ts';
import { findTermsOfSaleOn } from '../terms/terms.repository.ts';
import { insertDocument } from './documents.repository.ts';
import { completeDocumentJob, insertDocumentJob } from './document-jobs.repository.ts';
import { DONE_ELSEWHERE } from './done-elsewhere.ts';
import { fileStoreOf, storeFile } from './file-store.ts';
import { type OrderAcknowledgementData, renderOrderAcknowledgement } from './order-acknowledgement.pdf.ts';
import { findCustomerReach, listContactsById } from '../customers/customers.repository.ts';

import { ACKNOWLEDGEMENT_KIND } from './acknowledgement-kind.ts';
export { ACKNOWLEDGEMENT_KIND };

const CHANNELS_FR: Record<Channel, string> = { phone: 'téléphone', email: 'e-mail', fax: 'fax', edi: 'EDI', portal: 'portail client' };

type Charge = { label: string | { fr: string }; netCents: number; vatRateBp: number };

/**
 * What the ARC prints of an order: its live lines (a cancelled line is no longer promised) and its charges, with
 * totals recomputed over exactly those by core's orderTotals, so the printed figures always add up.
 */
export function acknowledgedFigures(order: Order & { charges?: readonly Charge[] }) {
  const lines = order.lines
    .filter((l) => l.status !== 'cancelled')
    .map((l) => ({
      code: l.productCode,
      name: l.productName,
      quantity: l.quantity,
      freeQuantity: (l as { freeQuantity?: number }).freeQuantity ?? 0,
      saleUnit: l.saleUnit,
      unitPriceCents: l.unitPriceCents,
      netCents: l.netCents,
      vatRateBp: l.vatRateBp,
      discount: l.discount,
    }));
  const charges = (order.charges ?? []).map((c) => ({
    label: typeof c.label === 'string' ? c.label : c.label.fr,
    netCents: c.netCents,
    vatRateBp: c.vatRateBp,
  }));
  const { netCents, vat, vatCents, grossCents } = orderTotals([...lines, ...charges].map(moneyOnlyLine));
  const chargesNetCents = charges.reduce((sum, c) => sum + c.netCents, 0);
  return { lines, charges, totals: { goodsNetCents: netCents - chargesNetCents, chargesNetCents, netCents, vat, vatCents, grossCents } };
}

async function loadAcknowledgement(db: DbOrTrx, orderId: number, version: number, issuedAt: string) {
  const order = await getOrder(db, orderId);
  const orderDate = parisNow(new Date(order.createdAt)).date;
  const [company, parties, account, contacts, terms] = await Promise.all([
    findCompany(db),
    findShipToParties(db, order.customerId, order.deliveryPointId),
    findCustomerReach(db, order.customerId),
    listContactsById(db, order.customerId),
    findTermsOfSaleOn(db, orderDate),
  ]);
  if (!company)
    throw new AppError('UNPROCESSABLE', 'The company identity is not set up: an order acknowledgement cannot be printed without it.');
  const data: OrderAcknowledgementData = {
    company,
    customer: parties.customer,
    deliveryPoint: parties.point,
    orderNumber: order.number,
    version,
    orderDate,
    issuedOn: parisNow(new Date(issuedAt)).date,
    customerRef: order.customerRef,
    channelLabel: CHANNELS_FR[order.channel] ?? order.channel,
    requestedDate: order.requestedDate,
    promisedDate: order.promisedDate,
    ...acknowledgedFigures(order),
    paymentTerms: paymentTermsText(account.paymentTerms, 'fr'),
    termsOfSale: terms ? { name: terms.name, validFrom: terms.validFrom } : null,
  };
  return { order, company, data, account, recipient: chooseOrderRecipient(account, contacts) };
}

/**
 * Calls for the order acknowledgement (ARC) of a confirmed order, inside the caller's transaction: queues its next
 * version, which the document worker prints after the commit (produceAcknowledgement). Call it wherever an order
 * becomes confirmed or a confirmed order changes. Nothing slow runs in the caller's transaction.
 * `at`: the instant of the change it acknowledges, the date it is issued on.
 */
export async function queueAcknowledgement(
  trx: Trx,
  orderId: number,
  actor: { id: number },
  at: string,
  /** The sender of an order that came by email: the acknowledgement answers him rather than the order contact. */
  replyTo?: { email: string; name: string | null },
): Promise<{ jobId: number; version: number }> {
  const job = await insertDocumentJob(trx, { kind: ACKNOWLEDGEMENT_KIND, orderId, replyTo, createdBy: actor.id, at });
  return { jobId: job.id, version: job.version };
}

/** The ARC of order `orderId`, version `version`, issued at `at`, as printed from the order's committed rows. */
export async function printAcknowledgement(db: DbOrTrx, orderId: number, version: number, at: string) {
  const loaded = await loadAcknowledgement(db, orderId, version, at);
  return { ...loaded, pdf: await renderOrderAcknowledgement(loaded.data) };
}

/**
 * Produces acknowledgement version `version` of order `orderId` (the document worker runs it for a queued job):
 * prints the PDF from the committed rows, then in one transaction files it, marks the job done and queues the email
 * to the customer's order contact in the outbox. The file is stored first (content-addressed: a rolled-back
 * transaction leaves a harmless orphan). Null when the job was done meanwhile by another worker: nothing is filed.
 */
export async function produceAcknowledgement(
  db: Db,
  job: {
    id: number;
    orderId: number;
    version: number;
    replyToAddress: string | null;
    replyToName: string | null;
    createdBy: number | null;
    createdAt: string;
  },
  now: string,
): Promise<{ documentId: number; emailId: number } | null> {
  const printed = await printAcknowledgement(db, job.orderId, job.version, job.createdAt);
  const { order, company, data, account, pdf } = printed;
  const recipient =
    job.replyToAddress !== null
      ? { email: job.replyToAddress, name: job.replyToName, reason: 'order-contact' as const }
      : printed.recipient;
  const stored = await storeFile(fileStoreOf(db), pdf);
  const filename = `ARC-${order.number}${job.version > 1 ? `-v${job.version}` : ''}.pdf`;
  const { subject, text } = acknowledgementEmail({
    orderNumber: order.number,
    customerRef: order.customerRef,
    version: job.version,
    promisedDate: order.promisedDate,
    deliveryPointName: order.deliveryPointName,
    grossCents: data.totals.grossCents,
    recipientName: recipient?.name ?? null,
    company,
  });
  // A customer who takes his documents by fax gets it on paper: the desk prints it. Otherwise nobody to send it to
  // is a failure the desk must see at once, not a retry.
  const onPaper = account.preferredChannel === 'fax' && job.replyToAddress === null;
  return db
    .transaction()
    .execute(async (trx) => {
      const documentId = await insertDocument(trx, {
        kind: ACKNOWLEDGEMENT_KIND,
        filename,
        mimeType: 'application/pdf',
        ...stored,
        orderId: job.orderId,
        createdBy: job.createdBy,
        createdAt: job.createdAt,
      });
      if (!(await completeDocumentJob(trx, job.id, documentId, now))) throw DONE_ELSEWHERE;
      const emailId = await insertOutboxEmail(trx, {
        kind: 'acknowledgement',
        orderId: job.orderId,
        documentId,
        toAddress: onPaper ? null : (recipient?.email ?? null),
        toName: onPaper ? null : (recipient?.name ?? null),
        subject,
        bodyText: text,
        status: onPaper ? 'print' : recipient ? 'pending' : 'failed',
        lastError: onPaper || recipient ? null : 'No email address: the customer has no order contact, no email and no contact with one.',
        nextAttemptAt: now,
        createdBy: job.createdBy,
        createdAt: now,
        updatedAt: now,
      });
      return { documentId, emailId };
    })
    .catch((err: unknown) => {
      if (err === DONE_ELSEWHERE) return null;
      throw err;
    });
}
