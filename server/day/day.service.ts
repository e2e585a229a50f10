import { addDays, type IsoDate, parisNow, weekdayOf, type Weekday } from '../../core/calendar/dates.ts';
import { isWorkingDay } from '../../core/calendar/delivery-date.ts';
import { type CallOutcome, type CallPurpose, callsDue, type CallRhythm, type LoggedCall } from '../../core/calls/call.ts';
import {
  approvalCandidate,
  callCandidate,
  complaintCandidate,
  ediCandidate,
  lowStockCandidate,
  noticeCandidate,
  riskCandidate,
  type RiskRow,
  satisfactionCandidate,
  type Unestimated,
} from '../../core/day/candidates.ts';
import type { DayItemKind, TimedKind } from '../../core/day/day-item.ts';
import type { Day, DayItem, HandoverNote } from '../../core/day/day.schemas.ts';
import { ESTIMATE_WINDOW_DAYS, itemEstimate, type TimingSample } from '../../core/day/estimates.ts';
import { changesSince, planDay, type DayPlan } from '../../core/day/planner.ts';
import { DEFAULT_WORK_SCHEDULE, workingIntervals, type WorkSchedule } from '../../core/day/working-day.ts';
import { callDurationsSince, callsSince, listRhythms } from '../calls/calls.repository.ts';
import { LOW_STOCK_TASK } from '../customer-stock/low-stock-tasks.ts';
import { RISK_CALL_BACK_TASK } from '../risks/resolve-risk.ts';
import type { DbOrTrx } from '../db/database.ts';
import {
  absencesBetween,
  assignmentsBetween,
  customersForDay,
  deskUsers,
  draftsAwaitingApproval,
  findDayView,
  handoverNotesFor,
  openComplaintsForDay,
  openNoticesForDay,
  openRisksForDay,
  openTasksOfKind,
  queuedEdiMessages,
  workSchedules,
  workTimingsSince,
} from './day.repository.ts';
import { satisfactionCallsDue } from './satisfaction-source.ts';

/** A candidate and whose day it falls in. */
type Owned = Unestimated & { ownerId: number | null };

const CALL_KIND_OF_PURPOSE: Partial<Record<CallPurpose, DayItemKind>> = {
  ordering: 'ordering-call',
  'call-back': 'call-back',
  satisfaction: 'satisfaction-call',
};

/**
 * Everything the desk must do on a date, each with whose it is. Today: the queues as they stand (EDI, drafts to
 * approve, risks, complaints, notices, low stocks) and the calls due. Another day: only what falls on that date (its
 * calls, the clocks and deadlines that end that day), since today's queues will have moved by then.
 */
async function deskWork(db: DbOrTrx, date: IsoDate, today: boolean): Promise<Owned[]> {
  const [customers, rhythms, calls, edi, approvals, allRisks, complaints, notices, lowStocks, satisfaction, assignments, absences, backs] =
    await Promise.all([
      customersForDay(db),
      listRhythms(db),
      callsSince(db, addDays(date, -14)),
      today ? queuedEdiMessages(db) : [],
      today ? draftsAwaitingApproval(db) : [],
      openRisksForDay(db),
      openComplaintsForDay(db),
      openNoticesForDay(db),
      openTasksOfKind(db, LOW_STOCK_TASK),
      satisfactionCallsDue(db, date),
      assignmentsBetween(db, date, date),
      absencesBetween(db, date, date),
      openTasksOfKind(db, RISK_CALL_BACK_TASK),
    ]);
  // A call-back agreed on a risk call puts the risk at that time on its day (on another day than today, only then).
  const callBackOf = new Map(
    backs.flatMap((b) => {
      const data = b.dataJson ? (JSON.parse(b.dataJson) as { riskId?: number; callBackAt?: string }) : {};
      return data.riskId && data.callBackAt ? [[data.riskId, parisNow(new Date(data.callBackAt))] as const] : [];
    }),
  );
  const risks = allRisks.map((r) => ({ ...r, callBack: callBackOf.get(r.id) ?? null })).filter((r) => today || r.callBack?.date === date);
  const customer = new Map(customers.map((c) => [c.id, c]));
  const assistantOf = (customerId: number | null) => (customerId === null ? null : (customer.get(customerId)?.assistantUserId ?? null));

  const logged: LoggedCall[] = calls.map((c) => {
    const back = c.callBackAt ? parisNow(new Date(c.callBackAt)) : null;
    return {
      id: c.id,
      customerId: c.customerId,
      date: c.localDate,
      time: c.localTime,
      endTime: parisNow(new Date(c.endedAt)).time.slice(0, 5),
      outcome: c.outcome as CallOutcome,
      callBackDate: back?.date ?? null,
      callBackTime: back?.time.slice(0, 5) ?? null,
    };
  });
  const callTaker = new Map(calls.map((c) => [c.id, c.userId]));
  const due = callsDue(
    rhythms.map((r) => ({
      customerId: r.customerId,
      rhythm: {
        weekdays: r.weekdays.split(',') as Weekday[],
        from: r.timeFrom,
        to: r.timeTo,
        purpose: r.purpose as CallPurpose,
        contactId: r.contactId,
      } satisfies CallRhythm,
    })),
    logged,
    date,
  );

  const work: Owned[] = [];
  const add = (c: Unestimated | null, owner: number | null) => {
    if (c) work.push({ ...c, ownerId: owner });
  };
  for (const c of due)
    add(
      callCandidate(c, customer.get(c.customerId)?.name ?? ''),
      c.kind === 'call-back' ? (callTaker.get(c.callId) ?? null) : assistantOf(c.customerId),
    );
  for (const m of edi)
    add(
      ediCandidate({
        ...m,
        grossCents: m.grossCents === null ? null : Number(m.grossCents),
        findings: issuesIn(m.issuesJson) + Number(m.openFindings ?? 0),
      }),
      assistantOf(m.customerId),
    );
  for (const a of approvals) add(approvalCandidate({ ...a, grossCents: Number(a.grossCents) }), assistantOf(a.customerId));
  // One item per order at risk (its lines' risks are one call to the customer): the earliest date, the stakes summed.
  const byOrder = new Map<number, RiskRow>();
  for (const r of risks) {
    const known = byOrder.get(r.orderId);
    const row = { ...r, valueCents: Number(r.valueCents), exposureCents: Number(r.exposureCents) };
    byOrder.set(
      r.orderId,
      known
        ? {
            ...known,
            promisedDate: known.promisedDate < row.promisedDate ? known.promisedDate : row.promisedDate,
            shortfall: known.shortfall + row.shortfall,
            valueCents: Math.max(known.valueCents, row.valueCents),
            exposureCents: known.exposureCents + row.exposureCents,
            productName: known.productName ?? row.productName,
            callBack: known.callBack ?? row.callBack,
          }
        : row,
    );
  }
  for (const r of byOrder.values()) add(riskCandidate(r, date), assistantOf(r.customerId));
  for (const c of complaints) {
    const candidate = complaintCandidate(c, date);
    if (today || (candidate.dueAt ?? '').slice(0, 10) === date) add(candidate, c.ownerId ?? assistantOf(c.customerId));
  }
  for (const n of notices) {
    const candidate = noticeCandidate({ ...n, claimedCents: Number(n.claimedCents) }, date);
    if (candidate && (today || candidate.dueAt === date)) add(candidate, assistantOf(n.customerId));
  }
  for (const t of lowStocks) {
    const candidate = lowStockCandidate(t, date);
    if (today || candidate.dueAt === date) add(candidate, t.assigneeId ?? assistantOf(t.customerId));
  }
  for (const s of satisfaction) add(satisfactionCandidate(s, date), assistantOf(s.customerId));

  // Whose it is: a manager's assignment for the day, else a colleague covering a whole-day absence, else the owner.
  const assigned = new Map(assignments.map((a) => [a.ref, a]));
  const cover = new Map(absences.filter((a) => a.timeFrom === null && a.coveredBy !== null).map((a) => [a.userId, a.coveredBy!] as const));
  return work
    .filter((w) => !assigned.get(w.ref)?.postponedTo)
    .map((w) => {
      const a = assigned.get(w.ref);
      const owner = a ? a.userId : w.ownerId === null ? null : (cover.get(w.ownerId) ?? w.ownerId);
      return { ...w, ownerId: owner };
    });
}

function issuesIn(json: string | null): number {
  if (!json) return 0;
  const parsed = JSON.parse(json) as { issues?: unknown[] };
  return parsed.issues?.length ?? 0;
}

/** The history the estimates learn from: the calls and the timed pieces of work of the last weeks. */
async function timingSamples(db: DbOrTrx, date: IsoDate): Promise<TimingSample[]> {
  const since = addDays(date, -ESTIMATE_WINDOW_DAYS);
  const [calls, timings] = await Promise.all([callDurationsSince(db, since), workTimingsSince(db, `${since}T00:00:00.000Z`)]);
  const samples: TimingSample[] = [];
  for (const c of calls) {
    const kind = CALL_KIND_OF_PURPOSE[c.purpose as CallPurpose];
    if (kind && c.direction === 'out') samples.push({ kind, userId: c.userId, minutes: Math.max(1, Math.round(c.durationSeconds / 60)) });
  }
  for (const t of timings) samples.push({ kind: t.kind as TimedKind, userId: t.userId, minutes: t.minutes });
  return samples;
}

type DeskContext = {
  date: IsoDate;
  from: string;
  work: Owned[];
  samples: TimingSample[];
  schedules: Map<number, WorkSchedule>;
  absences: Awaited<ReturnType<typeof absencesBetween>>;
};

async function deskContext(db: DbOrTrx, date: IsoDate, now: Date): Promise<DeskContext> {
  const here = parisNow(now);
  const today = date === here.date;
  const [work, samples, schedules, absences] = await Promise.all([
    deskWork(db, date, today),
    timingSamples(db, date),
    workSchedules(db),
    absencesBetween(db, date, date),
  ]);
  return {
    date,
    from: today ? here.time.slice(0, 5) : '00:00',
    work,
    samples,
    schedules: new Map(
      schedules.map((s) => [s.userId, { startsAt: s.startsAt, dayMinutes: s.dayMinutes, breakFrom: s.breakFrom, breakTo: s.breakTo }]),
    ),
    absences,
  };
}

type UserPlan = {
  plan: DayPlan;
  intervals: { from: string; to: string }[];
  items: (Unestimated & { estimatedMinutes: number; estimateSamples: number })[];
};

/** One person's day from the desk's work: her items, estimated from the history, planned in her working time. */
function planFor(
  ctx: DeskContext,
  userId: number,
): UserPlan & { extra: Map<string, { customerName: string | null; target: Unestimated['target']; samples: number }> } {
  const schedule = ctx.schedules.get(userId) ?? DEFAULT_WORK_SCHEDULE;
  const intervals = isWorkingDay(ctx.date)
    ? workingIntervals(
        schedule,
        ctx.absences.filter((a) => a.userId === userId).map((a) => ({ from: a.timeFrom, to: a.timeTo })),
      )
    : [];
  const mine = ctx.work.filter((w) => w.ownerId === userId);
  const extra = new Map<string, { customerName: string | null; target: Unestimated['target']; samples: number }>();
  const candidates = mine.map((w) => {
    const estimate = itemEstimate(ctx.samples, w.kind, userId);
    extra.set(w.ref, { customerName: w.customerName, target: w.target, samples: estimate.samples });
    const { ownerId: _o, customerName: _n, target: _t, ...candidate } = w;
    return { ...candidate, estimatedMinutes: estimate.minutes, estimateSource: estimate.source };
  });
  const plan = planDay(candidates, intervals, ctx.from);
  return { plan, intervals, items: [], extra };
}

/** GET /api/day: her day planned, with where each estimate comes from, what to move when it does not fit, and what changed. */
export async function dayOf(db: DbOrTrx, userId: number, userName: string, date: IsoDate, now: Date): Promise<Day> {
  const ctx = await deskContext(db, date, now);
  const { plan, intervals, extra } = planFor(ctx, userId);
  const users = await deskUsers(db);
  // Whom to hand over to: the colleague with the most room left today.
  const room = users
    .filter((u) => u.id !== userId && u.role === 'assistant')
    .map((u) => {
      const p = planFor(ctx, u.id).plan;
      return { id: u.id, free: p.capacityMinutes - p.plannedMinutes };
    })
    .sort((a, b) => b.free - a.free);
  const refs = plan.items.map((i) => i.ref);
  const customerIds = [...new Set(plan.items.map((i) => i.customerId).filter((c): c is number => c !== null))];
  const [notes, view] = await Promise.all([handoverNotesFor(db, { customerIds, refs }), findDayView(db, userId, date)]);
  const handovers = (item: { ref: string; customerId: number | null }): HandoverNote[] =>
    notes
      .filter((n) => n.itemRef === item.ref || (n.itemRef === null && n.customerId !== null && n.customerId === item.customerId))
      .slice(0, 3)
      .map((n) => ({
        id: n.id,
        customerId: n.customerId,
        itemRef: n.itemRef,
        authorId: n.authorId,
        authorName: n.authorName,
        text: n.text,
        at: n.at,
      }));
  const items: DayItem[] = plan.items.map((i) => {
    const e = extra.get(i.ref)!;
    return {
      kind: i.kind,
      ref: i.ref,
      customerId: i.customerId,
      customerName: e.customerName,
      title: i.title,
      reason: i.reason,
      priority: i.priority,
      estimatedMinutes: i.estimatedMinutes,
      estimateSource: i.estimateSource,
      estimateSamples: e.samples,
      ...(i.at ? { at: i.at } : {}),
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      fits: i.fits,
      target: e.target,
      handovers: handovers(i),
    };
  });
  const seen = view ? (JSON.parse(view.refsJson) as string[]) : null;
  return {
    date,
    userId,
    userName,
    capacityMinutes: plan.capacityMinutes,
    plannedMinutes: plan.plannedMinutes,
    overMinutes: plan.overMinutes,
    workingIntervals: intervals,
    items,
    proposals: plan.proposals.map((p) => ({ ...p, toUserId: p.action === 'hand-over' ? (room[0]?.id ?? null) : null })),
    changes: seen ? { since: view!.seenAt, ...changesSince(seen, items) } : { since: null, added: [], removed: [] },
  };
}

/** The dates of the working week a date falls in, Monday to Friday. */
export function weekOf(date: IsoDate): IsoDate[] {
  const index = (['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const).indexOf(weekdayOf(date));
  const monday = addDays(date, -index);
  return [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
}

/** Each person's plan on a date (the team view): load against time, how many items. */
export async function deskPlans(db: DbOrTrx, date: IsoDate, now: Date, userIds: readonly number[]) {
  const ctx = await deskContext(db, date, now);
  return new Map(userIds.map((id) => [id, planFor(ctx, id).plan] as const));
}

/** The unassigned work of a day (no customer's assistant): the manager gives it to someone. */
export async function unownedWork(db: DbOrTrx, date: IsoDate, now: Date) {
  const ctx = await deskContext(db, date, now);
  return ctx.work.filter((w) => w.ownerId === null);
}

/** Whether a reference names work of the desk on that date (and whose it is now). */
export async function findWork(db: DbOrTrx, ref: string, date: IsoDate, now: Date) {
  const ctx = await deskContext(db, date, now);
  return ctx.work.find((w) => w.ref === ref) ?? null;
}
