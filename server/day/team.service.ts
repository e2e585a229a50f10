import { addDays, type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { SessionUser } from '../../core/auth/roles.ts';
import { parseDayRef, parseTimedRef, TIMED_KINDS } from '../../core/day/day-item.ts';
import { MAX_TIMING_MINUTES, timedMinutes } from '../../core/day/estimates.ts';
import type { AbsenceInput, AssignItem, HandoverInput, HandoverNote, TeamLoad, WorkTimingInput } from '../../core/day/day.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, type FieldError } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import {
  absencesBetween,
  deleteAbsence,
  findAbsence,
  customersForDay,
  deskUsers,
  findDeskUser,
  handoverNotesFor,
  insertAbsence,
  insertHandoverNote,
  insertWorkTiming,
  saveDayView,
  upsertAssignment,
} from './day.repository.ts';
import { dayOf, deskPlans, findWork, weekOf } from './day.service.ts';

/** Whose day a user may read: her own; a manager any desk member's. */
export async function readableDay(db: DbOrTrx, user: SessionUser, userId: number | undefined, date: IsoDate | undefined, now: Date) {
  const targetId = userId ?? user.id;
  if (targetId !== user.id && user.role !== 'manager') throw new AppError('FORBIDDEN', "Only a manager reads a colleague's day.");
  const target = await findDeskUser(db, targetId);
  if (!target || !['assistant', 'manager'].includes(target.role))
    rejectInvalid(
      [{ path: 'userId', code: 'not-found', params: { entity: 'user', id: targetId }, message: 'is not one of the desk' }],
      'querystring',
    );
  return dayOf(db, target!.id, target!.name, date ?? parisNow(now).date, now);
}

async function deskMember(db: DbOrTrx, id: number, path: string): Promise<void> {
  const u = await findDeskUser(db, id);
  if (!u || !u.active || !['assistant', 'manager'].includes(u.role))
    rejectInvalid([{ path, code: 'not-found', params: { entity: 'user', id }, message: 'is not one of the desk' }]);
}

/** A manager gives a piece of the day's work to someone (for that day only). */
export async function assignItem(
  db: Db,
  ref: string,
  input: AssignItem,
  manager: SessionUser,
  now: Date,
): Promise<{ ref: string; userId: number; date: string }> {
  const date = input.date ?? parisNow(now).date;
  await deskMember(db, input.userId, 'userId');
  if (!parseDayRef(ref) || !(await findWork(db, ref, date, now)))
    throw new AppError('NOT_FOUND', `No work ${ref} on ${date}`, [], {}, { entity: 'day-item', id: ref });
  await db.transaction().execute(async (trx) => {
    await upsertAssignment(trx, { ref, date, userId: input.userId, postponedTo: null, assignedBy: manager.id, at: now.toISOString() });
    await recordAudit(trx, {
      entityType: 'day_assignment',
      entityId: input.userId,
      action: 'assign',
      userId: manager.id,
      after: { ref, date },
      at: now.toISOString(),
    });
  });
  return { ref, userId: input.userId, date };
}

/** She (or a manager) leaves a piece of work for another day: it leaves today's plan. */
export async function postponeItem(
  db: Db,
  ref: string,
  to: IsoDate | undefined,
  user: SessionUser,
  now: Date,
): Promise<{ ref: string; userId: number; date: string }> {
  const date = parisNow(now).date;
  const target = to ?? addDays(date, 1);
  if (target <= date)
    rejectInvalid([{ path: 'date', code: 'out-of-range', params: { comparison: '>', limit: date }, message: 'moves to a later day' }]);
  const work = parseDayRef(ref) ? await findWork(db, ref, date, now) : null;
  if (!work) throw new AppError('NOT_FOUND', `No work ${ref} today`, [], {}, { entity: 'day-item', id: ref });
  if (work.ownerId !== user.id && user.role !== 'manager') throw new AppError('FORBIDDEN', "Only a manager moves a colleague's work.");
  await db.transaction().execute(async (trx) => {
    await upsertAssignment(trx, {
      ref,
      date,
      userId: work.ownerId ?? user.id,
      postponedTo: target,
      assignedBy: user.id,
      at: now.toISOString(),
    });
    await recordAudit(trx, {
      entityType: 'day_assignment',
      entityId: user.id,
      action: 'postpone',
      userId: user.id,
      after: { ref, date, to: target },
      at: now.toISOString(),
    });
  });
  return { ref, userId: work.ownerId ?? user.id, date: target };
}

/** An absence (whole days or part of one); a colleague covering it takes her portfolio for those days. */
export async function recordAbsence(db: Db, input: AbsenceInput, manager: SessionUser, now: Date): Promise<{ id: number }> {
  const errors: FieldError[] = [];
  if (input.dateTo < input.dateFrom)
    errors.push({ path: 'dateTo', code: 'before-start', params: { after: 'dateFrom' }, message: 'ends before it starts' });
  if ((input.from === undefined) !== (input.to === undefined))
    errors.push({ path: input.from === undefined ? 'from' : 'to', code: 'required', params: {}, message: 'part of a day has both times' });
  if (input.from && input.to && input.to <= input.from)
    errors.push({ path: 'to', code: 'before-start', params: { after: 'from' }, message: 'ends before it starts' });
  if (input.coveredById === input.userId)
    errors.push({ path: 'coveredById', code: 'rule', params: {}, message: 'someone else covers an absence' });
  rejectInvalid(errors);
  await deskMember(db, input.userId, 'userId');
  if (input.coveredById) await deskMember(db, input.coveredById, 'coveredById');
  return db.transaction().execute(async (trx) => {
    const id = await insertAbsence(trx, {
      userId: input.userId,
      dateFrom: input.dateFrom,
      dateTo: input.dateTo,
      timeFrom: input.from ?? null,
      timeTo: input.to ?? null,
      coveredBy: input.coveredById ?? null,
      note: input.note?.trim() || null,
      createdBy: manager.id,
      createdAt: now.toISOString(),
    });
    await recordAudit(trx, {
      entityType: 'absence',
      entityId: id,
      action: 'create',
      userId: manager.id,
      after: input,
      at: now.toISOString(),
    });
    return { id };
  });
}

/** An absence recorded by mistake or cancelled: her time and her portfolio are hers again for those days. */
export async function removeAbsence(db: Db, id: number, manager: SessionUser, now: Date): Promise<void> {
  const absence = await findAbsence(db, id);
  if (!absence) throw new AppError('NOT_FOUND', `No absence ${id}`, [], {}, { entity: 'absence', id });
  await db.transaction().execute(async (trx) => {
    await deleteAbsence(trx, id);
    await recordAudit(trx, {
      entityType: 'absence',
      entityId: id,
      action: 'delete',
      userId: manager.id,
      before: absence,
      at: now.toISOString(),
    });
  });
}

/** Each assistant's load against her time, today and each day of the week, her portfolio and absences. */
export async function teamLoad(db: DbOrTrx, date: IsoDate, now: Date): Promise<TeamLoad> {
  const users = (await deskUsers(db)).filter((u) => u.role === 'assistant');
  const ids = users.map((u) => u.id);
  const week = weekOf(date);
  const [today, customers, absences, ...days] = await Promise.all([
    deskPlans(db, date, now, ids),
    customersForDay(db),
    absencesBetween(db, week[0], addDays(week[4], 28)),
    ...week.map((d) => (d === date ? Promise.resolve(null) : deskPlans(db, d, now, ids))),
  ]);
  return {
    date,
    assistants: users.map((u) => {
      const p = today.get(u.id)!;
      return {
        userId: u.id,
        name: u.name,
        today: { capacityMinutes: p.capacityMinutes, plannedMinutes: p.plannedMinutes, overMinutes: p.overMinutes, items: p.items.length },
        week: week.map((d, i) => {
          const plan = (days[i] ?? today).get(u.id)!;
          return { date: d, capacityMinutes: plan.capacityMinutes, plannedMinutes: plan.plannedMinutes };
        }),
        customers: customers.filter((c) => c.assistantUserId === u.id).length,
        absences: absences
          .filter((a) => a.userId === u.id)
          .map((a) => ({ id: a.id, dateFrom: a.dateFrom, dateTo: a.dateTo, from: a.timeFrom, to: a.timeTo, coveredById: a.coveredBy })),
      };
    }),
  };
}

export async function listHandoverNotes(db: DbOrTrx, filter: { customerId?: number; itemRef?: string }): Promise<HandoverNote[]> {
  const rows = await handoverNotesFor(db, {
    customerIds: filter.customerId ? [filter.customerId] : [],
    refs: filter.itemRef ? [filter.itemRef] : [],
  });
  return rows.map((n) => ({
    id: n.id,
    customerId: n.customerId,
    itemRef: n.itemRef,
    authorId: n.authorId,
    authorName: n.authorName,
    text: n.text,
    at: n.at,
  }));
}

/** A note for whoever takes the customer or the item next. */
export async function addHandoverNote(db: Db, input: HandoverInput, author: SessionUser, now: Date): Promise<HandoverNote> {
  if (input.customerId === undefined && input.itemRef === undefined)
    rejectInvalid([{ path: 'customerId', code: 'required', params: {}, message: 'a note is on a customer or an item' }]);
  if (input.customerId !== undefined && !(await findCustomer(db, input.customerId)))
    rejectInvalid([
      { path: 'customerId', code: 'not-found', params: { entity: 'customer', id: input.customerId }, message: 'no such customer' },
    ]);
  const id = await insertHandoverNote(db, {
    customerId: input.customerId ?? null,
    itemRef: input.itemRef ?? null,
    authorId: author.id,
    text: input.text.trim(),
    at: now.toISOString(),
  });
  return {
    id,
    customerId: input.customerId ?? null,
    itemRef: input.itemRef ?? null,
    authorId: author.id,
    authorName: author.name,
    text: input.text.trim(),
    at: now.toISOString(),
  };
}

/** A piece of work timed from the day screen, from opening to finishing: what the estimates learn from. */
export async function recordWorkTiming(db: Db, input: WorkTimingInput, user: SessionUser, now: Date): Promise<{ id: number }> {
  const ref = parseTimedRef(input.ref);
  const start = Date.parse(input.startedAt);
  const end = Date.parse(input.endedAt);
  const errors: FieldError[] = [];
  if (!ref)
    errors.push({ path: 'ref', code: 'choice', params: { allowed: TIMED_KINDS.join(', ') }, message: 'is not a kind of work timed' });
  if (end <= start)
    errors.push({ path: 'endedAt', code: 'before-start', params: { after: 'startedAt' }, message: 'does not end after it starts' });
  if (end > now.getTime() + 60_000)
    errors.push({ path: 'endedAt', code: 'in-future', params: { value: input.endedAt }, message: 'is still to come' });
  if (end - start > MAX_TIMING_MINUTES * 60_000)
    errors.push({
      path: 'endedAt',
      code: 'out-of-range',
      params: { comparison: '<=', limit: `${MAX_TIMING_MINUTES / 60} h` },
      message: 'a screen left open, not a piece of work',
    });
  rejectInvalid(errors);
  const id = await insertWorkTiming(db, {
    userId: user.id,
    kind: ref!.kind,
    ref: input.ref,
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(end).toISOString(),
    minutes: timedMinutes(start, end),
  });
  return { id };
}

/** She has seen her day as it is: what changes from now on is shown against it. */
export async function markDaySeen(db: Db, user: SessionUser, date: IsoDate, refs: readonly string[], now: Date): Promise<void> {
  await saveDayView(db, { userId: user.id, date, refsJson: JSON.stringify([...new Set(refs)]), seenAt: now.toISOString() });
}
