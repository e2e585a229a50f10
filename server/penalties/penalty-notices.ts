import { type IsoDate, isIsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { SessionUser } from '../../core/auth/roles.ts';
import { contestLetterParagraphs } from '../../core/penalties/letter.ts';
import {
  checkNotice,
  contestDeadline,
  type DueState,
  dueState,
  type ForceMajeurePeriod,
  followUpDate,
  type NoticeFacts,
  type NoticeKind,
  type NoticeStatus,
} from '../../core/penalties/notice.ts';
import { isUnderL441 } from '../../core/penalties/penalty.ts';
import type { PenaltyNotice } from '../../core/penalties/views.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { storeFile } from '../documents/file-store.ts';
import { AppError, type FieldError, notFound } from '../errors.ts';
import { conflict } from '../http/field-errors.ts';
import { renderContestLetter } from './contest-letter.pdf.ts';
import { FRAME, toClause } from './penalty-estimates.ts';
import {
  findClauseRow,
  findCustomerForPenalty,
  findDeliveryOrderId,
  findNoticeRow,
  findOrderForPenalty,
  insertNotice,
  isNoticeReferenceTaken,
  listForceMajeureRows,
  listL441Flags,
  listNoticeRows,
  listPenaltyLineRows,
  type NoticeRow,
  updateNoticeFrom,
} from './penalties.repository.ts';

export type { PenaltyNotice } from '../../core/penalties/views.ts';

export function toPeriod(
  r: Awaited<ReturnType<typeof listForceMajeureRows>>[number],
): ForceMajeurePeriod & { id: number; description: string | null; categories: string[] | null } {
  return {
    id: r.id,
    label: r.label,
    from: r.dateFrom,
    to: r.dateTo,
    categories: r.categories ? r.categories.split(',') : null,
    description: r.description,
  };
}

const facts = (r: NoticeRow): NoticeFacts => ({
  receivedDate: r.receivedDate,
  failureDate: r.failureDate,
  kind: r.kind as NoticeKind,
  category: r.category,
  claimedCents: Number(r.claimedCents),
  categoryOrderedValueCents: r.categoryOrderedValueCents === null ? null : Number(r.categoryOrderedValueCents),
  proofOfFailure: r.proofOfFailure === 1,
  proofOfHarm: r.proofOfHarm === 1,
  stockoutDocumented: r.stockoutDocumented === 1,
  deductedFromInvoice: r.deductedFromInvoice === 1,
});

async function toNotices(db: DbOrTrx, rows: NoticeRow[], now: Date): Promise<PenaltyNotice[]> {
  if (rows.length === 0) return [];
  const [periods, clauses] = await Promise.all([
    listForceMajeureRows(db),
    listL441Flags(
      db,
      rows.map((r) => r.customerId),
    ),
  ]);
  const forceMajeure = periods.map(toPeriod);
  const day = parisNow(now).date;
  return rows.map((r) => {
    const clause = clauses.find((c) => c.customerId === r.customerId);
    const l441Applicable = isUnderL441(r.typology, clause ? { l441Applicable: clause.l441Applicable === 1 } : null);
    const f = facts(r);
    const status = r.status as NoticeStatus;
    return {
      id: r.id,
      reference: r.reference,
      customerId: r.customerId,
      customerCode: r.customerCode,
      customerName: r.customerName,
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      deliveryId: r.deliveryId,
      deliveryNumber: r.deliveryNumber,
      externalOrderRef: r.externalOrderRef,
      ...f,
      contractBasis: r.contractBasis,
      status,
      contestDeadline: r.contestDeadline,
      reminderDate: r.reminderDate,
      contestReason: r.contestReason,
      contestedAt: r.contestedAt,
      letterDocumentId: r.letterPublicId,
      acceptedCents: r.acceptedCents === null ? null : Number(r.acceptedCents),
      settledAt: r.settledAt,
      settlementNote: r.settlementNote,
      createdAt: r.createdAt,
      l441Applicable,
      assessment: checkNotice(f, { typology: r.typology, l441Applicable, frame: FRAME, forceMajeure }),
      due: dueState({ status, contestDeadline: r.contestDeadline, reminderDate: r.reminderDate }, day),
    };
  });
}

export async function getNotice(db: DbOrTrx, id: number, now: Date): Promise<PenaltyNotice> {
  const row = await findNoticeRow(db, id);
  if (!row) throw notFound('Penalty notice', id);
  return (await toNotices(db, [row], now))[0];
}

export type NoticeListFilters = { status?: NoticeStatus; customerId?: number; orderId?: number; due?: 'soon' | 'overdue' | 'any' };

/** Newest first; `due=overdue` the notices past their deadline or follow-up date, `soon` within a week too, `any` both. */
export async function listNotices(db: DbOrTrx, f: NoticeListFilters, now: Date): Promise<PenaltyNotice[]> {
  const notices = await toNotices(db, await listNoticeRows(db, f), now);
  if (!f.due) return notices;
  const wanted: DueState[] = f.due === 'overdue' ? ['overdue'] : f.due === 'soon' ? ['soon'] : ['overdue', 'soon'];
  return notices.filter((n) => wanted.includes(n.due));
}

export type NoticeInput = {
  reference: string;
  customerId: number;
  orderId?: number | null;
  deliveryId?: number | null;
  externalOrderRef?: string | null;
  receivedDate: IsoDate;
  failureDate: IsoDate;
  kind: NoticeKind;
  category?: string | null;
  claimedCents: number;
  categoryOrderedValueCents?: number | null;
  proofOfFailure: boolean;
  proofOfHarm: boolean;
  stockoutDocumented: boolean;
  deductedFromInvoice: boolean;
  contractBasis?: string | null;
};

/**
 * Records a notice received: its contest deadline (the earlier of the agreement's and the CGV's) and, when the
 * order and category are known and no value was given, the value ordered in the category, the base of the cap.
 */
export async function recordNotice(db: Db, input: NoticeInput, actor: SessionUser, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const customer = await findCustomerForPenalty(trx, input.customerId);
    if (!customer)
      errors.push({
        path: 'body.customerId',
        code: 'not-found',
        params: { entity: 'customer', id: input.customerId },
        message: `customer ${input.customerId} does not exist`,
      });
    for (const field of ['receivedDate', 'failureDate'] as const)
      if (!isIsoDate(input[field]))
        errors.push({ path: `body.${field}`, code: 'not-a-date', params: { value: input[field] }, message: 'is not a calendar date' });
    if (input.failureDate > input.receivedDate)
      errors.push({
        path: 'body.failureDate',
        code: 'before-start',
        params: { after: 'failureDate' },
        message: 'is after the date the notice was received',
      });
    if (input.receivedDate > parisNow(now).date)
      errors.push({ path: 'body.receivedDate', code: 'in-future', params: { value: input.receivedDate }, message: 'is in the future' });
    const order = input.orderId ? await findOrderForPenalty(trx, input.orderId) : undefined;
    if (input.orderId && (!order || order.customerId !== input.customerId))
      errors.push({
        path: 'body.orderId',
        code: 'not-found',
        params: { entity: 'order', id: input.orderId },
        message: `order ${input.orderId} is not an order of this customer`,
      });
    if (input.deliveryId) {
      const d = await findDeliveryOrderId(trx, input.deliveryId);
      if (!d || d.orderId !== input.orderId)
        errors.push({
          path: 'body.deliveryId',
          code: 'not-found',
          params: { entity: 'delivery', id: input.deliveryId },
          message: `delivery ${input.deliveryId} is not a delivery of the order given`,
        });
    }
    if (errors.length)
      throw new AppError('VALIDATION', `Invalid request: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
    if (await isNoticeReferenceTaken(trx, input.customerId, input.reference))
      throw conflict('body.reference', input.reference, `notice ${input.reference} is already recorded for this customer`);

    let categoryValue = input.categoryOrderedValueCents ?? null;
    if (categoryValue === null && order && input.category) {
      const lines = await listPenaltyLineRows(trx, order.id);
      categoryValue = lines.filter((l) => l.penaltyCategory === input.category).reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    }
    const clauseRow = await findClauseRow(trx, input.customerId);
    const clock = contestDeadline({ receivedDate: input.receivedDate }, clauseRow ? toClause(clauseRow) : null, FRAME);
    const at = now.toISOString();
    const values = {
      reference: input.reference,
      customerId: input.customerId,
      orderId: input.orderId ?? null,
      deliveryId: input.deliveryId ?? null,
      externalOrderRef: input.externalOrderRef ?? null,
      receivedDate: input.receivedDate,
      failureDate: input.failureDate,
      kind: input.kind,
      category: input.category ?? null,
      claimedCents: input.claimedCents,
      categoryOrderedValueCents: categoryValue,
      proofOfFailure: input.proofOfFailure ? 1 : 0,
      proofOfHarm: input.proofOfHarm ? 1 : 0,
      stockoutDocumented: input.stockoutDocumented ? 1 : 0,
      deductedFromInvoice: input.deductedFromInvoice ? 1 : 0,
      contractBasis: input.contractBasis ?? null,
      status: 'received',
      contestDeadline: clock.deadline,
      reminderDate: clock.reminderDate,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
    };
    const id = await insertNotice(trx, values);
    await recordAudit(trx, {
      entityType: 'penalty_notice',
      entityId: id,
      orderId: values.orderId,
      action: 'record',
      userId: actor.id,
      after: values,
      at: now.toISOString(),
    });
    return id;
  });
}

const wrongStatus = (n: { reference: string; status: string }, action: string) =>
  new AppError('INVALID_TRANSITION', `Notice ${n.reference} is ${n.status}: it cannot be ${action}.`);

/**
 * Contests a received notice: the letter (the legal grounds the checks found, the assistant's reason, what we
 * accept) is printed, filed and linked, and a follow-up date is set to chase the answer. One transaction.
 */
export async function contestNotice(db: Db, id: number, reason: string, actor: SessionUser, dataDir: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const notice = await getNotice(trx, id, now);
    if (notice.status !== 'received') throw wrongStatus(notice, 'contested');
    const [company, customer] = await Promise.all([findCompany(trx), findCustomerForPenalty(trx, notice.customerId)]);
    if (!company) throw new AppError('UNPROCESSABLE', 'The company identity is not set up: a letter cannot be printed without it.');
    const day = parisNow(now).date;
    const letter = contestLetterParagraphs({
      noticeRef: notice.reference,
      customerRef: notice.externalOrderRef,
      orderRef: notice.orderNumber,
      receivedDate: notice.receivedDate,
      failureDate: notice.failureDate,
      claimedCents: notice.claimedCents,
      reason,
      assessment: notice.assessment,
      today: day,
    });
    const pdf = await renderContestLetter({
      company,
      customer: customer!,
      noticeRef: notice.reference,
      date: day,
      subject: letter.subject,
      paragraphs: letter.paragraphs,
      signatory: actor.name,
    });
    const stored = await storeFile(dataDir, pdf);
    const at = now.toISOString();
    const documentId = await insertDocument(trx, {
      kind: 'penalty_contest_letter',
      filename: `contestation-${notice.reference.replace(/[^\w.-]+/g, '_')}.pdf`,
      mimeType: 'application/pdf',
      ...stored,
      orderId: notice.orderId,
      createdBy: actor.id,
      createdAt: at,
    });
    const patch = {
      status: 'contested',
      contestReason: reason,
      contestedAt: at,
      reminderDate: followUpDate(day),
      letterDocumentId: documentId,
      updatedAt: at,
    };
    if (!(await updateNoticeFrom(trx, id, ['received'], patch))) throw wrongStatus(notice, 'contested');
    await recordAudit(trx, {
      entityType: 'penalty_notice',
      entityId: id,
      orderId: notice.orderId,
      action: 'contest',
      userId: actor.id,
      before: { status: notice.status },
      after: patch,
      note: reason,
      at: now.toISOString(),
    });
  });
}

/** Settles a notice at the amount agreed (the credit note the customer will get), never more than was claimed. */
export async function settleNotice(
  db: Db,
  id: number,
  acceptedCents: number,
  note: string | null,
  actor: SessionUser,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const notice = await getNotice(trx, id, now);
    if (notice.status !== 'received' && notice.status !== 'contested') throw wrongStatus(notice, 'settled');
    if (acceptedCents > notice.claimedCents) {
      throw new AppError('VALIDATION', `Invalid request: body.acceptedCents is more than the ${notice.claimedCents} cents claimed`, [
        {
          path: 'body.acceptedCents',
          code: 'out-of-range',
          params: { comparison: '<=', limit: notice.claimedCents },
          message: `is more than the ${notice.claimedCents} cents claimed`,
        },
      ]);
    }
    const at = now.toISOString();
    const patch = { status: 'settled', acceptedCents, settledAt: at, settlementNote: note, reminderDate: null, updatedAt: at };
    if (!(await updateNoticeFrom(trx, id, ['received', 'contested'], patch))) throw wrongStatus(notice, 'settled');
    await recordAudit(trx, {
      entityType: 'penalty_notice',
      entityId: id,
      orderId: notice.orderId,
      action: 'settle',
      userId: actor.id,
      before: { status: notice.status },
      after: patch,
      note,
      at: now.toISOString(),
    });
  });
}

/** The customer withdrew the notice (after a contest, usually): nothing is owed. */
export async function withdrawNotice(db: Db, id: number, note: string | null, actor: SessionUser, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const notice = await getNotice(trx, id, now);
    const at = now.toISOString();
    const patch = { status: 'withdrawn', acceptedCents: 0, settledAt: at, settlementNote: note, reminderDate: null, updatedAt: at };
    if (!(await updateNoticeFrom(trx, id, ['received', 'contested'], patch))) throw wrongStatus(notice, 'withdrawn');
    await recordAudit(trx, {
      entityType: 'penalty_notice',
      entityId: id,
      orderId: notice.orderId,
      action: 'withdraw',
      userId: actor.id,
      before: { status: notice.status },
      after: patch,
      note,
      at: now.toISOString(),
    });
  });
}
