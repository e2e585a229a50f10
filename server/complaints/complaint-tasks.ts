import { REASON_LABELS } from '../../core/complaints/labels.ts';
import type { ComplaintReason } from '../../core/complaints/complaint.ts';
import type { DbOrTrx } from '../db/database.ts';
import { raiseTask, resolveTask } from '../tasks/tasks.service.ts';

/** The complaint as its tasks need it. */
export type ComplaintForTask = {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  reason: ComplaintReason;
  ownerId: number | null;
  urgent: boolean;
};

const key = (id: number) => `complaint:${id}`;
const parisTime = (dateTime: string) => `${dateTime.slice(8, 10)}/${dateTime.slice(5, 7)} ${dateTime.slice(11, 16)}`;
const parisDay = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/**
 * A complaint waits in its owner's work list until it is answered (due at its answer time), then until it is
 * settled (due on its resolution day): a task past its due date is what the list flags as late.
 */
export async function awaitAnswer(db: DbOrTrx, c: ComplaintForTask, answerBy: string, at: Date): Promise<void> {
  const reason = REASON_LABELS[c.reason];
  await raiseTask(
    db,
    {
      kind: 'complaint-answer',
      dedupeKey: key(c.id),
      customerId: c.customerId,
      complaintId: c.id,
      title: { fr: `Répondre à la réclamation ${c.number}`, en: `Answer complaint ${c.number}` },
      reason: {
        fr: `${c.customerName} : ${reason.fr} ; première réponse due le ${parisTime(answerBy)}`,
        en: `${c.customerName}: ${reason.en}; first answer due ${parisTime(answerBy)}`,
      },
      priority: c.urgent ? 1 : 2,
      dueDate: answerBy.slice(0, 10),
      estimatedMinutes: 10,
      assigneeId: c.ownerId,
    },
    at,
  );
}

export async function awaitResolution(db: DbOrTrx, c: ComplaintForTask, resolveBy: string, at: Date): Promise<void> {
  await resolveTask(db, 'complaint-answer', key(c.id), at);
  await raiseTask(
    db,
    {
      kind: 'complaint-resolve',
      dedupeKey: key(c.id),
      customerId: c.customerId,
      complaintId: c.id,
      title: { fr: `Régler la réclamation ${c.number}`, en: `Settle complaint ${c.number}` },
      reason: {
        fr: `${c.customerName} : ${REASON_LABELS[c.reason].fr} ; à régler au plus tard le ${parisDay(resolveBy)}`,
        en: `${c.customerName}: ${REASON_LABELS[c.reason].en}; to settle by ${parisDay(resolveBy)}`,
      },
      priority: c.urgent ? 1 : 2,
      dueDate: resolveBy,
      estimatedMinutes: 15,
      assigneeId: c.ownerId,
    },
    at,
  );
}

/** Settled (resolved or refused): nothing waits any more. */
export async function stopWaiting(db: DbOrTrx, complaintId: number, at: Date): Promise<void> {
  await resolveTask(db, 'complaint-answer', key(complaintId), at);
  await resolveTask(db, 'complaint-resolve', key(complaintId), at);
}
