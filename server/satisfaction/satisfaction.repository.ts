import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { SatisfactionInterviewsTable } from './satisfaction.table.ts';

export function listGuideRows(db: DbOrTrx) {
  return db.selectFrom('satisfactionGuides').selectAll().execute();
}

/** Every customer with the day of his last interview (a complaint's one question does not count as one). */
export function listCustomersWithLastInterview(db: DbOrTrx, assistantId?: number) {
  let q = db
    .selectFrom('customers')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('satisfactionInterviews')
          .select(['customerId', (e) => e.fn.max('at').as('lastAt')])
          .where('complaintId', 'is', null)
          .groupBy('customerId')
          .as('last'),
      (join) => join.onRef('last.customerId', '=', 'customers.id'),
    )
    .select([
      'customers.id',
      'customers.code',
      'customers.name',
      'customers.typology',
      'customers.assistantUserId',
      'customers.createdAt',
      'last.lastAt',
    ]);
  if (assistantId !== undefined) q = q.where('customers.assistantUserId', '=', assistantId);
  return q.orderBy('customers.name').execute();
}

export async function insertInterview(db: DbOrTrx, values: Insertable<SatisfactionInterviewsTable>): Promise<number> {
  return (await db.insertInto('satisfactionInterviews').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setFollowUpTask(db: DbOrTrx, id: number, taskId: number): Promise<void> {
  await db.updateTable('satisfactionInterviews').set({ followUpTaskId: taskId }).where('id', '=', id).execute();
}

export function findInterviewRow(db: DbOrTrx, id: number) {
  return db.selectFrom('satisfactionInterviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A customer's interviews and complaint questions, the latest first. */
export function listInterviewRows(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('satisfactionInterviews')
    .selectAll()
    .where('customerId', '=', customerId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

/** Who follows up a low score: the first active manager (by id), null when there is none. */
export async function findManagerId(db: DbOrTrx): Promise<number | null> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'manager')
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The complaint a satisfaction question answers, and whether it is settled. */
export function findComplaintForQuestion(db: DbOrTrx, complaintId: number) {
  return db.selectFrom('complaints').select(['customerId', 'status', 'number']).where('id', '=', complaintId).executeTakeFirst();
}
