import { canMove, type ComplaintStatus } from '../../core/complaints/complaint.ts';
import type { ComplaintDetail, ComplaintStep } from '../../core/complaints/complaints.schemas.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { awaitResolution, type ComplaintForTask, stopWaiting } from './complaint-tasks.ts';
import { updateComplaintFrom } from './complaints.repository.ts';
import { getComplaint } from './complaints.service.ts';

export const complaintForTask = (c: ComplaintDetail): ComplaintForTask => ({
  id: c.id,
  number: c.number,
  customerId: c.customerId,
  customerName: c.customerName,
  reason: c.reason,
  ownerId: c.ownerId,
  urgent: c.queue === 'quality' || c.mood === 'angry' || c.mood === 'annoyed',
});

/**
 * Moves a complaint to its next status in one transaction, audited with the person's note; `apply` writes what
 * the step itself changes (its date, what it created). Refused with 409 when the status does not allow it, or when
 * someone else moved it first.
 */
export async function moveComplaint(
  db: Db,
  userId: number,
  id: number,
  to: ComplaintStatus,
  note: string | null,
  now: Date,
  apply: (trx: Trx, complaint: ComplaintDetail) => Promise<Record<string, unknown>> = async () => ({}),
): Promise<ComplaintDetail> {
  const complaint = await getComplaint(db, id, now);
  if (!canMove(complaint.status, to))
    throw new AppError('INVALID_TRANSITION', `complaint ${complaint.number} is ${complaint.status}: it cannot become ${to}`, [], {}, {});
  const at = now.toISOString();
  const stamp = to === 'answered' ? { answeredAt: at } : to === 'closed' ? { closedAt: at } : { resolvedAt: at };
  await db.transaction().execute(async (trx) => {
    const moved = await updateComplaintFrom(trx, id, complaint.status, { status: to, ...stamp, updatedAt: at });
    if (moved === 0) throw new AppError('CONFLICT', `complaint ${complaint.number} was changed meanwhile: reload it`);
    const created = await apply(trx, complaint);
    await recordAudits(trx, [
      auditRow({
        entityType: 'complaint',
        entityId: id,
        orderId: complaint.orderId,
        action: to,
        userId,
        before: { status: complaint.status },
        after: { status: to, ...created },
        note,
        at,
      }),
    ]);
    if (to === 'answered') await awaitResolution(trx, complaintForTask(complaint), complaint.resolveBy, now);
    else await stopWaiting(trx, id, now);
  });
  return getComplaint(db, id, now);
}

/** The customer had a first answer (on the phone, by email): the answer clock stops, the resolution one runs on. */
export const answerComplaint = (db: Db, userId: number, id: number, step: ComplaintStep, now: Date) =>
  moveComplaint(db, userId, id, 'answered', step.note?.trim() ?? null, now);

/** Settled and nothing more to do. */
export const closeComplaint = (db: Db, userId: number, id: number, step: ComplaintStep, now: Date) =>
  moveComplaint(db, userId, id, 'closed', step.note?.trim() ?? null, now);
