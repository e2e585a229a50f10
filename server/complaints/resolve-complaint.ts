import { parisNow } from '../../core/calendar/dates.ts';
import type { Role } from '../../core/auth/roles.ts';
import type { ComplaintDetail, ResolveComplaint } from '../../core/complaints/complaints.schemas.ts';
import { REASON_LABELS } from '../../core/complaints/labels.ts';
import { CREDIT_NOTE_APPROVAL_CENTS, creditNoteFromLines, creditNoteOfAmount } from '../../core/complaints/resolution.ts';
import type { Db, Trx } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import { AppError, type FieldError } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import { queueEdiCreditNote } from '../edi/outbound.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import { moveComplaint } from './complaint-steps.ts';
import { findBilledCustomer, insertCreditNote, insertGesture, updateComplaint } from './complaints.repository.ts';
import { draftReplacement, placeReplacement, placeReturn, planReturn } from './complaint-goods.ts';
import { getComplaint } from './complaints.service.ts';
import { renderCreditNote } from './credit-note.pdf.ts';

/** Food products of the mill: the reduced rate, used for a set amount when no line says otherwise. */
const FOOD_VAT_BP = 550;

/** What the outcome needs that the schema alone cannot say (a refusal's reason, a gesture's amount). */
function bodyErrors(body: ResolveComplaint, complaint: ComplaintDetail): FieldError[] {
  const required = (path: string, message: string): FieldError => ({ path, code: 'required', params: {}, message });
  if (body.outcome === 'refusal' && !body.refusalReason) return [required('refusalReason', 'a refusal says why')];
  if (body.outcome === 'gesture' && body.amountCents === undefined) return [required('amountCents', 'a gesture has an amount')];
  if (body.outcome === 'credit-note' && body.amountCents === undefined && complaint.lines.length === 0)
    return [required('amountCents', 'no lines to credit: give the amount')];
  return [];
}

/** The credit: a set amount when given, else the lines complained of at what was invoiced. */
function creditFor(body: ResolveComplaint, c: ComplaintDetail) {
  if (body.amountCents !== undefined)
    return creditNoteOfAmount(
      `Avoir sur réclamation ${c.number}`,
      body.amountCents,
      body.vatRateBp ?? c.lines[0]?.vatRateBp ?? FOOD_VAT_BP,
    );
  return creditNoteFromLines(c.lines);
}

/**
 * Issues the credit note inside the resolution's transaction: its AV number drawn from the year's counter in that
 * transaction (a failure rolls the number back with everything else: no gap), its PDF filed with the order's
 * documents, the record pointing at both.
 */
async function issueCreditNote(trx: Trx, c: ComplaintDetail, body: ResolveComplaint, userId: number, approvedBy: number | null, now: Date) {
  const credit = creditFor(body, c);
  const company = await findCompany(trx);
  if (!company) throw new AppError('UNPROCESSABLE', 'The company identity is not set up: a credit note cannot be printed without it.');
  const date = parisNow(now).date;
  const year = date.slice(0, 4);
  const number = `AV-${year}-${String(await nextCounter(trx, `credit-note-${year}`)).padStart(5, '0')}`;
  const pdf = await renderCreditNote({
    number,
    date,
    complaintNumber: c.number,
    orderNumber: c.orderNumber,
    reason: `Motif : ${REASON_LABELS[c.reason].fr}`,
    company,
    customer: await findBilledCustomer(trx, c.customerId),
    ...credit,
  });
  const at = now.toISOString();
  const documentId = await insertDocument(trx, {
    kind: 'credit-note',
    filename: `${number}.pdf`,
    mimeType: 'application/pdf',
    ...(await storeFile(fileStoreOf(trx), pdf)),
    orderId: c.orderId,
    createdBy: userId,
    createdAt: at,
  });
  const id = await insertCreditNote(trx, {
    number,
    complaintId: c.id,
    customerId: c.customerId,
    orderId: c.orderId,
    netCents: credit.netCents,
    vatCents: credit.vatCents,
    grossCents: credit.grossCents,
    linesJson: JSON.stringify(credit.lines),
    documentId,
    approvedBy,
    createdBy: userId,
    createdAt: at,
  });
  // A set amount names no line; else the credit's lines are the complained lines, in their order.
  if (c.orderId !== null)
    await queueEdiCreditNote(
      trx,
      c.orderId,
      body.amountCents !== undefined
        ? { number, lines: [], unitemised: credit.lines.map((l) => ({ netCents: l.netCents, vatRateBp: l.vatRateBp })) }
        : {
            number,
            lines: c.lines.map((l, i) => ({ orderLineId: l.orderLineId, quantity: l.quantity, netCents: credit.lines[i].netCents })),
            unitemised: [],
          },
      at,
    );
  return { creditNoteId: id, creditNoteNumber: number, netCents: credit.netCents, grossCents: credit.grossCents };
}

/**
 * Settles a complaint with one of the trade's outcomes, in one transaction, audited with what it created: a
 * refusal and its reason; a commercial gesture, waiting for the customer's next order; a credit note (above the
 * approval threshold only a manager issues it: he is the approval); a free-of-charge replacement order on the next
 * possible date; a return to collect with its pickup date.
 */
export async function resolveComplaint(
  db: Db,
  user: { id: number; role: Role },
  id: number,
  body: ResolveComplaint,
  now: Date,
): Promise<ComplaintDetail> {
  const complaint = await getComplaint(db, id, now);
  rejectInvalid(bodyErrors(body, complaint));
  if (body.outcome === 'credit-note' && user.role !== 'manager') {
    const { netCents } = creditFor(body, complaint);
    if (netCents > CREDIT_NOTE_APPROVAL_CENTS)
      throw new AppError('UNPROCESSABLE', `a credit note above ${CREDIT_NOTE_APPROVAL_CENTS} cents needs a manager`, [
        {
          path: 'body.amountCents',
          code: 'needs-approval',
          params: { limit: CREDIT_NOTE_APPROVAL_CENTS, amount: netCents },
          message: 'above the threshold: a manager issues it',
        },
      ]);
  }
  const note = body.note.trim();
  // Read before the transaction, as any order is drafted: master data, the rules' context, the delivery dates.
  const replacement = body.outcome === 'replacement' ? await draftReplacement(db, complaint, body, now) : null;
  const pickup = body.outcome === 'return' ? await planReturn(db, complaint, body, now) : null;
  const applyOutcome = async (trx: Trx, c: ComplaintDetail) => {
    if (body.outcome === 'credit-note') return issueCreditNote(trx, c, body, user.id, user.role === 'manager' ? user.id : null, now);
    if (replacement) return placeReplacement(trx, replacement, user.id, now);
    if (pickup) return placeReturn(trx, c, pickup, user.id, now);
    if (body.outcome === 'gesture')
      return {
        gestureId: await insertGesture(trx, {
          customerId: c.customerId,
          complaintId: c.id,
          amountCents: body.amountCents!,
          appliedOrderId: null,
          appliedAt: null,
          createdAt: now.toISOString(),
        }),
      };
    return {};
  };
  return moveComplaint(db, user.id, id, body.outcome === 'refusal' ? 'refused' : 'resolved', note, now, async (trx, c) => {
    await updateComplaint(trx, id, {
      outcome: body.outcome,
      refusalReason: body.outcome === 'refusal' ? (body.refusalReason ?? null) : null,
      gestureCents: body.outcome === 'gesture' ? (body.amountCents ?? null) : null,
      outcomeNote: note,
    });
    const created = await applyOutcome(trx, c);
    if ('orderId' in created) await updateComplaint(trx, id, { replacementOrderId: created.orderId });
    return { outcome: body.outcome, refusalReason: body.refusalReason ?? null, amountCents: body.amountCents ?? null, ...created };
  });
}
