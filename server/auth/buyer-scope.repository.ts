import type { DbOrTrx } from '../db/database.ts';

/** The records a route may name by id, and the customer each belongs to: what a buyer's scope is checked against. */
export type OwnedRecord = 'customer' | 'order' | 'delivery' | 'complaint';

/** The customer a record belongs to; undefined when there is no such record. */
export async function ownerOf(db: DbOrTrx, record: OwnedRecord, id: number): Promise<number | undefined> {
  switch (record) {
    case 'customer':
      return (await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst())?.id;
    case 'order':
      return (await db.selectFrom('orders').select('customerId').where('id', '=', id).executeTakeFirst())?.customerId;
    case 'delivery':
      return (
        await db
          .selectFrom('deliveries')
          .innerJoin('orders', 'orders.id', 'deliveries.orderId')
          .select('orders.customerId')
          .where('deliveries.id', '=', id)
          .executeTakeFirst()
      )?.customerId;
    case 'complaint':
      return (await db.selectFrom('complaints').select('customerId').where('id', '=', id).executeTakeFirst())?.customerId;
  }
}

/** The delivery points a buyer is limited to; empty: all her customer's. */
export async function buyerDeliveryPointIds(db: DbOrTrx, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('userDeliveryPoints').select('deliveryPointId').where('userId', '=', userId).execute();
  return rows.map((r) => r.deliveryPointId);
}

/** Whether this delivery point is the customer's. */
export async function isCustomersDeliveryPoint(db: DbOrTrx, customerId: number, deliveryPointId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('deliveryPoints')
    .select('id')
    .where('id', '=', deliveryPointId)
    .where('customerId', '=', customerId)
    .executeTakeFirst());
}

/** Whether the customer lets a portal order that needs nobody confirm on its own. */
export async function customerConfirmsPortalOrders(db: DbOrTrx, customerId: number): Promise<boolean> {
  const row = await db.selectFrom('customers').select('portalAutoConfirm').where('id', '=', customerId).executeTakeFirst();
  return row?.portalAutoConfirm === 1;
}

/** What a customer may or may not have taken up with us, that some routes of the portal only mean with. */
export type CustomerFeature = 'customer-stock';

/** Whether the customer has it: customer stocks apply once the desk turned vendor-managed inventory on for it. */
export async function customerHasFeature(db: DbOrTrx, customerId: number, feature: CustomerFeature): Promise<boolean> {
  switch (feature) {
    case 'customer-stock': {
      const row = await db.selectFrom('customerVmiSettings').select('enabled').where('customerId', '=', customerId).executeTakeFirst();
      return row?.enabled === 1;
    }
  }
}
