import type { Db } from '../../server/db/database.ts';

/** Ids of the demo's master data by their business codes, so tests read like the ADV desk talks. */
export async function demoIds(db: Db) {
  const [products, customers, points, users] = await Promise.all([
    db.selectFrom('products').select(['id', 'code', 'gtin', 'caseGtin']).execute(),
    db.selectFrom('customers').select(['id', 'code']).execute(),
    db.selectFrom('deliveryPoints').select(['id', 'code']).execute(),
    db.selectFrom('users').select(['id', 'email', 'name']).execute(),
  ]);
  const pick = <T extends { code: string }>(rows: T[], code: string) => {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`no demo row ${code}`);
    return row;
  };
  return {
    product: (code: string) => pick(products, code),
    customer: (code: string) => pick(customers, code).id,
    point: (code: string) => pick(points, code).id,
    user: (email: string) => users.find((u) => u.email === email)!,
  };
}

export async function tableCounts(db: Db) {
  const count = async (table: 'orders' | 'orderLines' | 'deliveries' | 'deliveryLines' | 'documents' | 'auditEvents') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    orders: await count('orders'),
    orderLines: await count('orderLines'),
    deliveries: await count('deliveries'),
    deliveryLines: await count('deliveryLines'),
    documents: await count('documents'),
    auditEvents: await count('auditEvents'),
  };
}

export async function stockOf(db: Db, productIds: number[]) {
  return db
    .selectFrom('stockLevels')
    .select(['warehouseId', 'productId', 'onHand', 'reserved'])
    .where('productId', 'in', productIds)
    .orderBy('productId')
    .orderBy('warehouseId')
    .execute();
}
