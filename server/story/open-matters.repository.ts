import type { DbOrTrx } from '../db/database.ts';

// What is still open for a customer, read from its owners' tables: a handful of rows each, shown before speaking.

export function openComplaints(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('complaints')
    .select(['id', 'number', 'reason', 'receivedAt'])
    .where('customerId', '=', customerId)
    .where('status', 'in', ['open', 'answered']) // settled (resolved, refused) or closed: nothing left to do
    .orderBy('receivedAt', 'desc')
    .limit(20)
    .execute();
}

export function openRisks(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('risks')
    .innerJoin('orders', 'orders.id', 'risks.orderId')
    .select(['risks.id', 'risks.orderId', 'orders.number as orderNumber', 'risks.cause', 'risks.promisedDate'])
    .where('risks.customerId', '=', customerId)
    .where('risks.status', '=', 'open')
    .orderBy('risks.promisedDate')
    .limit(20)
    .execute();
}

/** His drafts that wait for a manager: an approval finding still standing. */
export function ordersAwaitingApproval(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('orders')
    .select(['orders.id', 'orders.number', 'orders.grossCents'])
    .where('orders.customerId', '=', customerId)
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
    .limit(20)
    .execute();
}

/** The last mood a complaint recorded, with when. */
export function latestComplaintMood(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('complaints')
    .select(['mood', 'receivedAt as at'])
    .where('customerId', '=', customerId)
    .where('mood', 'is not', null)
    .orderBy('receivedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
