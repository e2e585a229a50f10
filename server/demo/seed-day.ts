import { addDays, parisNow, weekdayOf } from '../../core/calendar/dates.ts';
import { isWorkingDay } from '../../core/calendar/delivery-date.ts';
import type { Insertable } from 'kysely';
import type { CallsTable } from '../calls/calls.table.ts';
import type { Db } from '../db/database.ts';
import type { DemoClock } from './demo-clock.ts';
import demo from './demo-data.json' with { type: 'json' };
import data from './demo-day.json' with { type: 'json' };

/**
 * The assistant's day on a Monday morning at Moulins Delaunay: each artisan's call rhythm (Boulangerie Martin on
 * Monday and Thursday at 10:00), a few weeks of calls made to them so the estimates are learned, not defaulted (each
 * call's length and outcome drawn from a fixed sequence: the demo is the same every time), a call-back promised on
 * Friday for this afternoon, the complaints' calls, the time past EDI fixes, risks and complaints took, Léa's
 * appointment this afternoon (her day does not quite fit) and the note Hugo left her on Friday.
 */
export async function seedDay(db: Db, clock: DemoClock): Promise<void> {
  const customers = new Map(
    (await db.selectFrom('customers').select(['id', 'code', 'assistantUserId']).execute()).map((c) => [c.code, c] as const),
  );
  const users = new Map((await db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id] as const));
  const firstContact = new Map<number, number>();
  for (const c of await db.selectFrom('contacts').select(['id', 'customerId']).orderBy('id').execute())
    if (!firstContact.has(c.customerId)) firstContact.set(c.customerId, c.id);
  const nowIso = clock.shiftInstant(`${demo.referenceDate}T08:30:00+01:00`);

  for (const r of data.rhythms) {
    const customer = customers.get(r.customer)!;
    await db
      .insertInto('callRhythms')
      .values({
        customerId: customer.id,
        weekdays: r.weekdays.join(','),
        timeFrom: r.from,
        timeTo: r.to,
        purpose: r.purpose,
        contactId: firstContact.get(customer.id) ?? null,
        updatedBy: null,
        updatedAt: nowIso,
      })
      .execute();
  }

  const calls: Insertable<CallsTable>[] = [];
  const call = (o: {
    customerId: number;
    userId: number;
    direction: 'in' | 'out';
    purpose: string;
    at: string;
    seconds: number;
    outcome: string;
    note?: string | null;
    callBackAt?: string | null;
    complaintId?: number | null;
  }) => {
    const startedAt = clock.shiftInstant(o.at);
    const endedAt = new Date(Date.parse(startedAt) + o.seconds * 1000).toISOString();
    const local = parisNow(new Date(startedAt));
    calls.push({
      customerId: o.customerId,
      contactId: firstContact.get(o.customerId) ?? null,
      userId: o.userId,
      direction: o.direction,
      purpose: o.purpose,
      startedAt,
      endedAt,
      durationSeconds: o.seconds,
      localDate: local.date,
      localTime: local.time.slice(0, 5),
      outcome: o.outcome,
      note: o.note ?? null,
      callBackAt: o.callBackAt ? clock.shiftInstant(o.callBackAt) : null,
      orderId: null,
      complaintId: o.complaintId ?? null,
      riskId: null,
      satisfactionInterviewId: null,
      createdAt: endedAt,
    });
  };

  // The weeks of ordering calls before the reference day, on each customer's days, by his assistant.
  let n = 0;
  for (let d = -7 * data.historyWeeks; d < 0; d++) {
    const date = addDays(demo.referenceDate, d);
    if (!isWorkingDay(date)) continue;
    for (const r of data.rhythms) {
      if (!r.weekdays.includes(weekdayOf(date))) continue;
      const customer = customers.get(r.customer)!;
      n++;
      const seconds = 180 + ((n * 97) % 420); // 3 to 10 minutes
      const minute = Number(r.from.slice(3, 5)) + (n % 9);
      const at = `${date}T${r.from.slice(0, 3)}${String(minute).padStart(2, '0')}:00+01:00`;
      const userId = customer.assistantUserId!;
      if (n % 11 === 0) {
        call({ customerId: customer.id, userId, direction: 'out', purpose: 'ordering', at, seconds: 35, outcome: 'no-answer' });
        const retry = new Date(Date.parse(at) + 65 * 60_000).toISOString();
        call({ customerId: customer.id, userId, direction: 'out', purpose: 'ordering', at: retry, seconds, outcome: 'order-taken' });
      } else
        call({
          customerId: customer.id,
          userId,
          direction: 'out',
          purpose: 'ordering',
          at,
          seconds,
          outcome: n % 6 === 0 ? 'nothing-to-order' : 'order-taken',
        });
    }
  }
  for (const c of data.callBacks)
    call({
      customerId: customers.get(c.customer)!.id,
      userId: users.get(c.user)!,
      direction: 'out',
      purpose: 'information',
      at: c.at,
      seconds: c.seconds,
      outcome: 'call-back',
      note: c.note,
      callBackAt: c.callBackAt,
    });
  for (const c of data.complaintCalls) {
    const customerId = customers.get(c.customer)!.id;
    const complaint = await db.selectFrom('complaints').select('id').where('customerId', '=', customerId).orderBy('id').executeTakeFirst();
    call({
      customerId,
      userId: users.get(c.user)!,
      direction: 'in',
      purpose: 'complaint',
      at: c.at,
      seconds: c.seconds,
      outcome: 'handled',
      note: c.note,
      complaintId: complaint?.id ?? null,
    });
  }
  calls.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  for (let i = 0; i < calls.length; i += 200)
    await db
      .insertInto('calls')
      .values(calls.slice(i, i + 200))
      .execute();

  // The time past pieces of work took, one a working day back from the reference day, mid-morning.
  const timings = [];
  let back = 0;
  for (const [kind, byUser] of Object.entries(data.timings))
    for (const [email, minutes] of Object.entries(byUser as Record<string, number[]>))
      for (const m of minutes) {
        back++;
        let date = addDays(demo.referenceDate, -1 - (back % 26));
        while (!isWorkingDay(date)) date = addDays(date, -1);
        const startedAt = clock.shiftInstant(`${date}T09:${String(10 + (back % 40)).padStart(2, '0')}:00+01:00`);
        timings.push({
          userId: users.get(email)!,
          kind,
          ref: `${kind}:${back}`,
          startedAt,
          endedAt: new Date(Date.parse(startedAt) + m * 60_000).toISOString(),
          minutes: m,
        });
      }
  await db.insertInto('workTimings').values(timings).execute();

  for (const a of data.absences)
    await db
      .insertInto('absences')
      .values({
        userId: users.get(a.user)!,
        dateFrom: clock.shiftDate(a.date),
        dateTo: clock.shiftDate(a.date),
        timeFrom: a.from,
        timeTo: a.to,
        coveredBy: null,
        note: a.note,
        createdBy: users.get('manager@demo.local') ?? null,
        createdAt: nowIso,
      })
      .execute();

  for (const h of data.handoverNotes)
    await db
      .insertInto('handoverNotes')
      .values({
        customerId: customers.get(h.customer)!.id,
        itemRef: null,
        authorId: users.get(h.user)!,
        text: h.text,
        at: clock.shiftInstant(h.at),
      })
      .execute();
}
