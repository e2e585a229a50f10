import type { Mood } from '../../core/complaints/complaint.ts';
import type { CustomerStory } from '../../core/customers/timeline.schemas.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import { latestNoteMood } from '../customers/notes.repository.ts';
import { customerNotes } from '../customers/notes.service.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { latestComplaintMood, openComplaints, openRisks, ordersAwaitingApproval } from './open-matters.repository.ts';

/** The mood last noted: the later of the last complaint's and the last note's that said one. */
function lastMood(complaint: { mood: string | null; at: string } | undefined, note: { mood: string | null; at: string } | undefined) {
  const later =
    complaint && (!note || complaint.at >= note.at)
      ? { ...complaint, source: 'complaint' as const }
      : note && { ...note, source: 'note' as const };
  return later?.mood ? { mood: later.mood as Mood, at: later.at, source: later.source } : null;
}

/** What a colleague should know before speaking to the customer (the timeline pages through the rest). */
export async function customerStory(db: DbOrTrx, customerId: number): Promise<CustomerStory> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  const [notes, complaintMood, noteMood, complaints, risks, approvals] = await Promise.all([
    customerNotes(db, customerId),
    latestComplaintMood(db, customerId),
    latestNoteMood(db, customerId),
    openComplaints(db, customerId),
    openRisks(db, customerId),
    ordersAwaitingApproval(db, customerId),
  ]);
  return {
    notes,
    mood: lastMood(complaintMood, noteMood),
    open: { complaints, risks, approvals: approvals.map((a) => ({ ...a, grossCents: Number(a.grossCents) })) },
  };
}
