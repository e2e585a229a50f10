import { type AnswerInput, draftAnswer } from '../../core/complaints/answer-letter.ts';
import type { ComplaintDetail, ComplaintReply, ComplaintReplyDraft } from '../../core/complaints/complaints.schemas.ts';
import { REASON_LABELS } from '../../core/complaints/labels.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import { findCustomerReach, listContactsById } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { AppError } from '../errors.ts';
import { chooseOrderRecipient } from '../mail/order-contact.ts';
import { insertOutboxEmail } from '../mail/outbox.repository.ts';
import { findCreditNoteDocumentId, updateComplaint } from './complaints.repository.ts';
import { getComplaint } from './complaints.service.ts';

async function loadDraft(db: DbOrTrx, c: ComplaintDetail) {
  const r = c.resolution;
  if (!r) throw new AppError('UNPROCESSABLE', `complaint ${c.number} is not settled yet: the answer is drafted from its outcome`);
  const [company, customer, contacts] = await Promise.all([
    findCompany(db),
    findCustomerReach(db, c.customerId),
    listContactsById(db, c.customerId),
  ]);
  if (!company) throw new AppError('UNPROCESSABLE', 'The company identity is not set up: no answer can be signed without it.');
  const recipient = chooseOrderRecipient(customer, contacts);
  const input: AnswerInput = {
    complaintNumber: c.number,
    receivedOn: parisNow(new Date(c.receivedAt)).date,
    reason: REASON_LABELS[c.reason],
    recipientName: recipient?.name ?? null,
    deliveryNumber: c.deliveryNumber,
    outcome: r.outcome,
    refusalReason: r.refusalReason,
    gestureCents: r.gestureCents,
    creditNote: r.creditNote,
    replacement: r.replacementOrder ? { number: r.replacementOrder.number, date: r.replacementOrder.requestedDate } : null,
    returnPickup: r.returnPickup,
    note: r.note,
    company,
  };
  return { ...draftAnswer(input), recipient, onPaper: customer.preferredChannel === 'fax' };
}

/** The French answer drafted from the outcome, and to whom it would go. */
export async function complaintReplyDraft(db: DbOrTrx, id: number, now: Date): Promise<ComplaintReplyDraft> {
  const c = await getComplaint(db, id, now);
  const d = await loadDraft(db, c);
  return {
    subject: d.subject,
    text: d.text,
    toAddress: d.recipient?.email ?? null,
    toName: d.recipient?.name ?? null,
    suggestedChannel: d.onPaper || !d.recipient ? 'print' : 'email',
  };
}

/**
 * Sends the answer as the assistant finished it: by email through the outbox (the credit note's PDF attached), or
 * left in the outbox for the desk to print; kept on the complaint and audited, in one transaction.
 */
export async function sendComplaintReply(db: Db, userId: number, id: number, body: ComplaintReply, now: Date): Promise<ComplaintDetail> {
  const c = await getComplaint(db, id, now);
  const d = await loadDraft(db, c);
  if (body.channel === 'email' && !d.recipient)
    throw new AppError('UNPROCESSABLE', `${c.customerName} has no email address: print the answer`, [
      { path: 'body.channel', code: 'required', params: {}, message: 'no email address for this customer' },
    ]);
  const text = body.text.trim();
  const at = now.toISOString();
  const attachment = await findCreditNoteDocumentId(db, id);
  await db.transaction().execute(async (trx) => {
    const email = body.channel === 'email';
    await insertOutboxEmail(trx, {
      kind: 'complaint-answer',
      orderId: c.orderId,
      documentId: attachment,
      toAddress: email ? d.recipient!.email : null,
      toName: email ? d.recipient!.name : null,
      subject: d.subject,
      bodyText: `${text}\n`,
      status: email ? 'pending' : 'print',
      lastError: null,
      nextAttemptAt: at,
      createdBy: userId,
      createdAt: at,
      updatedAt: at,
    });
    await updateComplaint(trx, id, { answerText: text, answerSentAt: at, answerChannel: body.channel, updatedAt: at });
    await recordAudits(trx, [
      auditRow({
        entityType: 'complaint',
        entityId: id,
        orderId: c.orderId,
        action: `reply-${body.channel}`,
        userId,
        after: { channel: body.channel, to: email ? d.recipient!.email : null },
        note: null,
        at,
      }),
    ]);
  });
  return getComplaint(db, id, now);
}
