import { parisNow } from '../../core/calendar/dates.ts';
import type { Channel } from '../../core/customers/customer.ts';
import { paymentTermsFr } from '../../core/customers/payment-terms.ts';
import type { Order } from '../../core/orders/order.ts';
import { moneyOnlyLine, orderTotals } from '../../core/orders/totals.ts';
import type { Trx } from '../db/database.ts';
import { findCompany, findShipToParties } from '../deliveries/deliveries.repository.ts';
import { AppError } from '../errors.ts';
import { acknowledgementEmail } from '../mail/acknowledgement-email.ts';
import { chooseOrderRecipient } from '../mail/order-contact.ts';
import { insertOutboxEmail } from '../mail/outbox.repository.ts';
import { getOrder } from '../orders/orders.service.ts';
import { findTermsOfSaleOn } from '../terms/terms.repository.ts';
import { countOrderDocuments, insertDocument } from './documents.repository.ts';
import { fileStoreOf, storeFile } from './file-store.ts';
import { type OrderAcknowledgementData, renderOrderAcknowledgement } from './order-acknowledgement.pdf.ts';
import { findCustomerReach, listContactsById } from '../customers/customers.repository.ts';

export const ACKNOWLEDGEMENT_KIND = 'order-acknowledgement';

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

async function loadAcknowledgement(trx: Trx, orderId: number, version: number, issuedAt: string) {
  const order = await getOrder(trx, orderId);
  const orderDate = parisNow(new Date(order.createdAt)).date;
  const [company, parties, account, contacts, terms] = await Promise.all([
    findCompany(trx),
    findShipToParties(trx, order.customerId, order.deliveryPointId),
    findCustomerReach(trx, order.customerId),
    listContactsById(trx, order.customerId),
    findTermsOfSaleOn(trx, orderDate),
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
    paymentTerms: paymentTermsFr(account.paymentTerms),
    termsOfSale: terms ? { name: terms.name, validFrom: terms.validFrom } : null,
  };
  return { order, company, data, account, recipient: chooseOrderRecipient(account, contacts) };
}

/**
 * Issues the order acknowledgement (ARC) of a confirmed order inside the caller's transaction: prints the PDF,
 * files it (a new version when the order already has one), and queues the email to the customer's order contact in
 * the outbox, which sends it after the commit. Call it wherever an order becomes confirmed or a confirmed order
 * changes. The file is written before the commit (in the file store of the database, see bindFileStore): if the
 * transaction fails, it is an orphan no row points to.
 */
/** `at`: the instant of the change it acknowledges, the date it is issued on. */
export async function queueAcknowledgement(
  trx: Trx,
  orderId: number,
  actor: { id: number },
  at: string,
): Promise<{ documentId: number; emailId: number }> {
  const version = (await countOrderDocuments(trx, orderId, ACKNOWLEDGEMENT_KIND)) + 1;
  const { order, company, data, account, recipient } = await loadAcknowledgement(trx, orderId, version, at);

  const stored = await storeFile(fileStoreOf(trx), await renderOrderAcknowledgement(data));
  const filename = `ARC-${order.number}${version > 1 ? `-v${version}` : ''}.pdf`;
  const documentId = await insertDocument(trx, {
    kind: ACKNOWLEDGEMENT_KIND,
    filename,
    mimeType: 'application/pdf',
    ...stored,
    orderId,
    createdBy: actor.id,
    createdAt: at,
  });

  const { subject, text } = acknowledgementEmail({
    orderNumber: order.number,
    customerRef: order.customerRef,
    version,
    promisedDate: order.promisedDate,
    deliveryPointName: order.deliveryPointName,
    grossCents: data.totals.grossCents,
    recipientName: recipient?.name ?? null,
    company,
  });
  // A customer who takes his documents by fax gets it on paper: the desk prints it. Otherwise nobody to send it to
  // is a failure the desk must see at once, not a retry.
  const onPaper = account.preferredChannel === 'fax';
  const emailId = await insertOutboxEmail(trx, {
    kind: 'acknowledgement',
    orderId,
    documentId,
    toAddress: onPaper ? null : (recipient?.email ?? null),
    toName: onPaper ? null : (recipient?.name ?? null),
    subject,
    bodyText: text,
    status: onPaper ? 'print' : recipient ? 'pending' : 'failed',
    lastError: onPaper || recipient ? null : 'No email address: the customer has no order contact, no email and no contact with one.',
    nextAttemptAt: at,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
  });
  return { documentId, emailId };
}
