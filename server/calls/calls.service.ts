import { parisNow } from '../../core/calendar/dates.ts';
import type { Weekday } from '../../core/calendar/dates.ts';
import { callSeconds, type CallDirection, type CallOutcome, type CallPurpose } from '../../core/calls/call.ts';
import type { Call, CallInput, CallQuery, CallRhythmPut, CustomerCallRhythm } from '../../core/calls/calls.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { notFound, type FieldError } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import {
  belongsToCustomer,
  type CallFilter,
  type CallRow,
  deleteRhythm,
  findRhythm,
  insertCall,
  listCallRows,
  saveRhythm,
} from './calls.repository.ts';

function toCall(r: CallRow): Call {
  return {
    id: r.id,
    customerId: r.customerId,
    customerCode: r.customerCode,
    customerName: r.customerName,
    contactId: r.contactId,
    contactName: r.contactName,
    userId: r.userId,
    userName: r.userName,
    direction: r.direction as CallDirection,
    purpose: r.purpose as CallPurpose,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    durationSeconds: r.durationSeconds,
    outcome: r.outcome as CallOutcome,
    note: r.note,
    callBackAt: r.callBackAt,
    links: {
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      complaintId: r.complaintId,
      riskId: r.riskId,
      satisfactionInterviewId: r.satisfactionInterviewId,
    },
  };
}

export async function listCalls(db: DbOrTrx, query: CallQuery): Promise<Call[]> {
  const filter: CallFilter = query;
  return (await listCallRows(db, filter)).map(toCall);
}

/** What a call says that the schema cannot check: it ends after it starts, and names the customer's own records. */
async function callErrors(db: DbOrTrx, input: CallInput, now: Date): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (Date.parse(input.startedAt) > now.getTime() + 60_000)
    errors.push({ path: 'startedAt', code: 'in-future', params: { value: input.startedAt }, message: 'a call is logged once it started' });
  if (Date.parse(input.endedAt) < Date.parse(input.startedAt))
    errors.push({ path: 'endedAt', code: 'before-start', params: { after: 'startedAt' }, message: 'ends before it starts' });
  if (input.outcome === 'call-back' && !input.callBackAt)
    errors.push({ path: 'callBackAt', code: 'required', params: {}, message: 'a call-back needs the time he asked to be called' });
  const owned: [string, 'orders' | 'complaints' | 'risks' | 'contacts', number | undefined][] = [
    ['contactId', 'contacts', input.contactId],
    ['links.orderId', 'orders', input.links?.orderId],
    ['links.complaintId', 'complaints', input.links?.complaintId],
    ['links.riskId', 'risks', input.links?.riskId],
  ];
  for (const [path, table, id] of owned)
    if (id !== undefined && !(await belongsToCustomer(db, table, id, input.customerId)))
      errors.push({
        path,
        code: 'not-found',
        params: { entity: table.replace(/s$/, ''), id },
        message: `is not one of the customer's ${table}`,
      });
  return errors;
}

/** Logs a call as it happened. */
export async function recordCall(db: Db, userId: number, input: CallInput, now: Date): Promise<Call> {
  if (!(await findCustomer(db, input.customerId)))
    rejectInvalid([
      { path: 'customerId', code: 'not-found', params: { entity: 'customer', id: input.customerId }, message: 'no such customer' },
    ]);
  rejectInvalid(await callErrors(db, input, now));
  const startedAt = new Date(Date.parse(input.startedAt)).toISOString();
  const endedAt = new Date(Date.parse(input.endedAt)).toISOString();
  const local = parisNow(new Date(startedAt));
  // The call row is the record (who, when, what came of it): no audit event besides it.
  const id = await insertCall(db, {
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    userId,
    direction: input.direction,
    purpose: input.purpose,
    startedAt,
    endedAt,
    durationSeconds: callSeconds(startedAt, endedAt),
    localDate: local.date,
    localTime: local.time.slice(0, 5),
    outcome: input.outcome,
    note: input.note?.trim() || null,
    callBackAt: input.outcome === 'call-back' && input.callBackAt ? new Date(Date.parse(input.callBackAt)).toISOString() : null,
    orderId: input.links?.orderId ?? null,
    complaintId: input.links?.complaintId ?? null,
    riskId: input.links?.riskId ?? null,
    satisfactionInterviewId: input.links?.satisfactionInterviewId ?? null,
    createdAt: now.toISOString(),
  });
  const [row] = await listCallRows(db, { id });
  return toCall(row);
}

export async function customerRhythm(db: DbOrTrx, customerId: number): Promise<CustomerCallRhythm> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  const r = await findRhythm(db, customerId);
  return {
    customerId,
    rhythm: r
      ? {
          weekdays: r.weekdays.split(',') as Weekday[],
          from: r.timeFrom,
          to: r.timeTo,
          purpose: r.purpose as CallPurpose,
          contactId: r.contactId,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          updatedAt: r.updatedAt,
        }
      : null,
  };
}

export async function putCustomerRhythm(
  db: Db,
  customerId: number,
  body: CallRhythmPut,
  userId: number,
  now: Date,
): Promise<CustomerCallRhythm> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  const r = body.rhythm;
  if (r) {
    const errors: FieldError[] = [];
    if (r.to < r.from)
      errors.push({ path: 'rhythm.to', code: 'before-start', params: { after: 'rhythm.from' }, message: 'ends before it starts' });
    if (r.contactId && !(await belongsToCustomer(db, 'contacts', r.contactId, customerId)))
      errors.push({
        path: 'rhythm.contactId',
        code: 'not-found',
        params: { entity: 'contact', id: r.contactId },
        message: "is not one of the customer's contacts",
      });
    rejectInvalid(errors);
  }
  await db.transaction().execute(async (trx) => {
    const before = await findRhythm(trx, customerId);
    if (r)
      await saveRhythm(trx, {
        customerId,
        weekdays: r.weekdays.join(','),
        timeFrom: r.from,
        timeTo: r.to,
        purpose: r.purpose,
        contactId: r.contactId ?? null,
        updatedBy: userId,
        updatedAt: now.toISOString(),
      });
    else await deleteRhythm(trx, customerId);
    await recordAudit(trx, {
      entityType: 'call_rhythm',
      entityId: customerId,
      action: 'update',
      userId,
      before: before ? { weekdays: before.weekdays, from: before.timeFrom, to: before.timeTo, purpose: before.purpose } : null,
      after: r ?? null,
      at: now.toISOString(),
    });
  });
  return customerRhythm(db, customerId);
}
