import { parisNow } from '../../core/calendar/dates.ts';
import type { ComplaintChannel, ComplaintQueue, ComplaintReason, ComplaintStatus, Mood } from '../../core/complaints/complaint.ts';
import type { Complaint, ComplaintDetail, ComplaintQuery } from '../../core/complaints/complaints.schemas.ts';
import { overdue } from '../../core/complaints/deadlines.ts';
import type { Typology } from '../../core/customers/customer-enums.ts';
import { listAuditEvents } from '../audit/audit.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { listComplaintLots } from './lot-trace.repository.ts';
import { listComplaintPhotoRows } from './photos.repository.ts';
import {
  type ComplaintRow,
  findCreditNoteOf,
  findOutcomeRecords,
  listComplaintLineRows,
  listComplaintRows,
} from './complaints.repository.ts';
import type { RefusalReason, ResolutionOutcome } from '../../core/complaints/resolution.ts';

const flag = (v: number | null) => (v === null ? null : v === 1);

function toComplaint(r: ComplaintRow, now: Date): Complaint {
  const status = r.status as ComplaintStatus;
  return {
    id: r.id,
    number: r.number,
    status,
    queue: r.queue as ComplaintQueue,
    customerId: r.customerId,
    customerCode: r.customerCode,
    customerName: r.customerName,
    typology: r.typology as Typology,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    deliveryId: r.deliveryId,
    deliveryNumber: r.deliveryNumber,
    deliveredOn: r.deliveredOn,
    reason: r.reason as ComplaintReason,
    description: r.description,
    channel: r.channel as ComplaintChannel,
    mood: r.mood as Mood | null,
    reservesMade: flag(r.reservesMade),
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    receivedAt: r.receivedAt,
    claimDeadline: {
      kind: r.claimKind as Complaint['claimDeadline']['kind'],
      days: r.claimDays,
      date: r.claimDeadline,
      withinTerms: flag(r.withinTerms),
      clause: r.clause,
    },
    answerBy: r.answerBy,
    resolveBy: r.resolveBy,
    overdue: overdue({ status, answerBy: r.answerBy, resolveBy: r.resolveBy }, parisNow(now)),
    answeredAt: r.answeredAt,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The complaints that match, newest first; `overdue` keeps those past their answer or resolution time now. */
export async function listComplaints(db: DbOrTrx, query: ComplaintQuery, now: Date): Promise<Complaint[]> {
  const paris = parisNow(now);
  const rows = await listComplaintRows(db, {
    status: query.status,
    customerId: query.customerId,
    queue: query.queue,
    overdueAt: query.overdue ? { dateTime: `${paris.date}T${paris.time}`, date: paris.date } : undefined,
  });
  return rows.map((r) => toComplaint(r, now));
}

export async function getComplaint(db: DbOrTrx, id: number, now: Date): Promise<ComplaintDetail> {
  const [row] = await listComplaintRows(db, { id });
  if (!row) throw notFound('Complaint', id);
  const [lines, photos, history, creditNote, outcome] = await Promise.all([
    listComplaintLineRows(db, id),
    listComplaintPhotoRows(db, id),
    listAuditEvents(db, { entityType: 'complaint', entityId: id }),
    findCreditNoteOf(db, id),
    findOutcomeRecords(db, id, row.replacementOrderId),
  ]);
  const lots = row.orderId
    ? (
        await listComplaintLots(db, { orderId: row.orderId, deliveryId: row.deliveryId, orderLineIds: lines.map((l) => l.orderLineId) })
      ).map((l) => ({ ...l, lot: l.lot! }))
    : [];
  const resolution = row.outcome
    ? {
        outcome: row.outcome as ResolutionOutcome,
        refusalReason: row.refusalReason as RefusalReason | null,
        gestureCents: row.gestureCents,
        note: row.outcomeNote,
        creditNote: creditNote ?? null,
        replacementOrder: outcome.replacement ?? null,
        returnPickup: outcome.pickup ?? null,
        gestureAppliedOrderNumber: outcome.gesture?.appliedOrderNumber ?? null,
      }
    : null;
  const answer =
    row.answerText && row.answerSentAt && row.answerChannel
      ? { text: row.answerText, sentAt: row.answerSentAt, channel: row.answerChannel as 'email' | 'print' }
      : null;
  return { ...toComplaint(row, now), lines, photos, lots, resolution, answer, history };
}
