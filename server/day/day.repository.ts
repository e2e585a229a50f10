import type { DbOrTrx } from '../db/database.ts';

// What the day is made of, read from the queues' owners (EDI, orders, risks, complaints, penalties, tasks), and the
// day's own tables: hours, absences, assignments, handover notes, timings, what she last saw.

/** EDI orders waiting for a person, with how many findings they carry (mapping issues and open order findings). */
export function queuedEdiMessages(db: DbOrTrx) {
  return db
    .selectFrom('ediMessages as m')
    .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
    .leftJoin('customers as c', 'c.id', 'm.customerId')
    .leftJoin('orders as o', 'o.id', 'm.orderId')
    .select((eb) => [
      'm.id',
      'm.customerId',
      'm.documentNumber',
      'm.issuesJson',
      'i.receivedAt',
      'c.name as customerName',
      'o.requestedDate',
      'o.grossCents',
      eb
        .selectFrom('orderFindings as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.orderId', '=', 'm.orderId')
        .where('f.overriddenAt', 'is', null)
        .where('f.severity', 'in', ['block', 'approval'])
        .as('openFindings'),
    ])
    .where('m.status', '=', 'queued')
    .where((eb) => eb.or([eb('o.status', 'is', null), eb('o.status', '=', 'draft')]))
    .orderBy('m.id')
    .execute();
}

/** Drafts waiting for a manager's approval. */
export function draftsAwaitingApproval(db: DbOrTrx) {
  return db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .select([
      'orders.id',
      'orders.number',
      'orders.customerId',
      'orders.grossCents',
      'orders.createdAt',
      'orders.requestedDate',
      'customers.name as customerName',
    ])
    .where('orders.status', '=', 'draft')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('orderFindings')
          .select('orderFindings.id')
          .whereRef('orderFindings.orderId', '=', 'orders.id')
          .where('orderFindings.severity', '=', 'approval')
          .where('orderFindings.overriddenAt', 'is', null),
      ),
    )
    .orderBy('orders.createdAt')
    .limit(200)
    .execute();
}

export function openRisksForDay(db: DbOrTrx) {
  return db
    .selectFrom('risks')
    .innerJoin('orders', 'orders.id', 'risks.orderId')
    .innerJoin('customers', 'customers.id', 'risks.customerId')
    .leftJoin('products', 'products.id', 'risks.productId')
    .select([
      'risks.id',
      'risks.customerId',
      'risks.cause',
      'risks.promisedDate',
      'risks.shortfall',
      'risks.valueCents',
      'risks.exposureCents',
      'orders.number as orderNumber',
      'orders.id as orderId',
      'customers.name as customerName',
      'products.name as productName',
    ])
    .where('risks.status', '=', 'open')
    .orderBy('risks.promisedDate')
    .limit(300)
    .execute();
}

export function openComplaintsForDay(db: DbOrTrx) {
  return db
    .selectFrom('complaints')
    .innerJoin('customers', 'customers.id', 'complaints.customerId')
    .select([
      'complaints.id',
      'complaints.number',
      'complaints.customerId',
      'complaints.reason',
      'complaints.status',
      'complaints.ownerId',
      'complaints.answerBy',
      'complaints.resolveBy',
      'customers.name as customerName',
    ])
    .where('complaints.status', 'in', ['open', 'answered'])
    .orderBy('complaints.answerBy')
    .limit(300)
    .execute();
}

export function openNoticesForDay(db: DbOrTrx) {
  return db
    .selectFrom('penaltyNotices')
    .innerJoin('customers', 'customers.id', 'penaltyNotices.customerId')
    .select([
      'penaltyNotices.id',
      'penaltyNotices.reference',
      'penaltyNotices.customerId',
      'penaltyNotices.status',
      'penaltyNotices.claimedCents',
      'penaltyNotices.contestDeadline',
      'penaltyNotices.reminderDate',
      'customers.name as customerName',
    ])
    .where('penaltyNotices.status', 'in', ['received', 'contested'])
    .limit(300)
    .execute();
}

/** Open tasks of a kind (the customers' low stocks). */
export function openTasksOfKind(db: DbOrTrx, kind: string) {
  return db
    .selectFrom('tasks')
    .leftJoin('customers', 'customers.id', 'tasks.customerId')
    .select([
      'tasks.id',
      'tasks.customerId',
      'tasks.titleFr',
      'tasks.titleEn',
      'tasks.reasonFr',
      'tasks.reasonEn',
      'tasks.priority',
      'tasks.dueDate',
      'tasks.assigneeId',
      'tasks.dataJson',
      'customers.name as customerName',
    ])
    .where('tasks.kind', '=', kind)
    .where('tasks.status', '=', 'open')
    .limit(300)
    .execute();
}

/** Every customer's assistant, and his name and phone (the day names him; a call shows the number). */
export function customersForDay(db: DbOrTrx) {
  return db.selectFrom('customers').select(['id', 'name', 'code', 'typology', 'phone', 'assistantUserId']).execute();
}

/** The desk's people who carry a day: assistants and managers, active. */
export function deskUsers(db: DbOrTrx) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('role', 'in', ['assistant', 'manager'])
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

export function findDeskUser(db: DbOrTrx, id: number) {
  return db.selectFrom('users').select(['id', 'name', 'role', 'active']).where('id', '=', id).executeTakeFirst();
}

export function workSchedules(db: DbOrTrx) {
  return db.selectFrom('workSchedules').selectAll().execute();
}

/** Absences that touch the dates. */
export function absencesBetween(db: DbOrTrx, from: string, to: string) {
  return db.selectFrom('absences').selectAll().where('dateFrom', '<=', to).where('dateTo', '>=', from).orderBy('id').execute();
}

export function findAbsence(db: DbOrTrx, id: number) {
  return db.selectFrom('absences').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteAbsence(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('absences').where('id', '=', id).execute();
}

export async function insertAbsence(
  db: DbOrTrx,
  values: {
    userId: number;
    dateFrom: string;
    dateTo: string;
    timeFrom: string | null;
    timeTo: string | null;
    coveredBy: number | null;
    note: string | null;
    createdBy: number;
    createdAt: string;
  },
): Promise<number> {
  const row = await db.insertInto('absences').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function assignmentsBetween(db: DbOrTrx, from: string, to: string) {
  return db.selectFrom('dayAssignments').selectAll().where('date', '>=', from).where('date', '<=', to).execute();
}

export async function upsertAssignment(
  db: DbOrTrx,
  values: { ref: string; date: string; userId: number; postponedTo: string | null; assignedBy: number; at: string },
): Promise<void> {
  await db.deleteFrom('dayAssignments').where('date', '=', values.date).where('ref', '=', values.ref).execute();
  await db.insertInto('dayAssignments').values(values).execute();
}

/** Handover notes on these customers or items, newest first. */
export function handoverNotesFor(db: DbOrTrx, filter: { customerIds?: readonly number[]; refs?: readonly string[] }) {
  const customers = filter.customerIds ?? [];
  const refs = filter.refs ?? [];
  if (!customers.length && !refs.length) return Promise.resolve([]);
  return db
    .selectFrom('handoverNotes')
    .innerJoin('users', 'users.id', 'handoverNotes.authorId')
    .selectAll('handoverNotes')
    .select('users.name as authorName')
    .where((eb) =>
      eb.or([
        ...(customers.length ? [eb('handoverNotes.customerId', 'in', customers)] : []),
        ...(refs.length ? [eb('handoverNotes.itemRef', 'in', refs)] : []),
      ]),
    )
    .orderBy('handoverNotes.at', 'desc')
    .orderBy('handoverNotes.id', 'desc')
    .limit(200)
    .execute();
}

export async function insertHandoverNote(
  db: DbOrTrx,
  values: { customerId: number | null; itemRef: string | null; authorId: number; text: string; at: string },
): Promise<number> {
  const row = await db.insertInto('handoverNotes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The work timings since an instant: what the estimates learn from besides the calls. */
export function workTimingsSince(db: DbOrTrx, since: string) {
  return db.selectFrom('workTimings').select(['userId', 'kind', 'minutes']).where('endedAt', '>=', since).execute();
}

export async function insertWorkTiming(
  db: DbOrTrx,
  values: { userId: number; kind: string; ref: string; startedAt: string; endedAt: string; minutes: number },
): Promise<number> {
  const row = await db.insertInto('workTimings').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findDayView(db: DbOrTrx, userId: number, date: string) {
  return db.selectFrom('dayViews').selectAll().where('userId', '=', userId).where('date', '=', date).executeTakeFirst();
}

export async function saveDayView(db: DbOrTrx, values: { userId: number; date: string; refsJson: string; seenAt: string }): Promise<void> {
  await db.deleteFrom('dayViews').where('userId', '=', values.userId).where('date', '=', values.date).execute();
  await db.insertInto('dayViews').values(values).execute();
}
