import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type {
  ComplaintLinesTable,
  ComplaintsTable,
  CreditNotesTable,
  CustomerGesturesTable,
  ReturnPickupsTable,
} from './complaints.table.ts';

export async function insertComplaint(db: DbOrTrx, values: Insertable<ComplaintsTable>): Promise<number> {
  return (await db.insertInto('complaints').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertComplaintLines(db: DbOrTrx, rows: readonly Insertable<ComplaintLinesTable>[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('complaintLines')
      .values([...rows])
      .execute();
}

/**
 * Moves a complaint on only if it is still where the caller saw it: two people answering at once, the second one
 * finds nothing to move (0) instead of writing over the first.
 */
export async function updateComplaintFrom(
  db: DbOrTrx,
  id: number,
  fromStatus: string,
  values: Updateable<ComplaintsTable>,
): Promise<number> {
  const result = await db.updateTable('complaints').set(values).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type ComplaintFilter = {
  id?: number;
  status?: string;
  customerId?: number;
  queue?: string;
  /** Only those past their answer or resolution time at this Paris moment. */
  overdueAt?: { dateTime: string; date: string };
};

/** Complaints with their customer's, order's, delivery's and owner's names: the newest first. */
export function listComplaintRows(db: DbOrTrx, filter: ComplaintFilter) {
  let q = db
    .selectFrom('complaints')
    .innerJoin('customers', 'customers.id', 'complaints.customerId')
    .leftJoin('orders', 'orders.id', 'complaints.orderId')
    .leftJoin('deliveries', 'deliveries.id', 'complaints.deliveryId')
    .leftJoin('users', 'users.id', 'complaints.ownerId')
    .selectAll('complaints')
    .select([
      'customers.code as customerCode',
      'customers.name as customerName',
      'customers.typology',
      'orders.number as orderNumber',
      'deliveries.number as deliveryNumber',
      'users.name as ownerName',
    ]);
  if (filter.id !== undefined) q = q.where('complaints.id', '=', filter.id);
  if (filter.status) q = q.where('complaints.status', '=', filter.status);
  if (filter.customerId !== undefined) q = q.where('complaints.customerId', '=', filter.customerId);
  if (filter.queue) q = q.where('complaints.queue', '=', filter.queue);
  const at = filter.overdueAt;
  if (at)
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('complaints.status', '=', 'open'), eb('complaints.answerBy', '<', at.dateTime)]),
        eb.and([eb('complaints.status', 'in', ['open', 'answered']), eb('complaints.resolveBy', '<', at.date)]),
      ]),
    );
  return q.orderBy('complaints.receivedAt', 'desc').orderBy('complaints.id', 'desc').limit(500).execute();
}
export type ComplaintRow = Awaited<ReturnType<typeof listComplaintRows>>[number];

export function listComplaintLineRows(db: DbOrTrx, complaintId: number) {
  return db
    .selectFrom('complaintLines')
    .innerJoin('orderLines', 'orderLines.id', 'complaintLines.orderLineId')
    .innerJoin('products', 'products.id', 'complaintLines.productId')
    .select([
      'complaintLines.id',
      'complaintLines.orderLineId',
      'complaintLines.productId',
      'complaintLines.quantity',
      'orderLines.quantity as orderedQuantity',
      'orderLines.netCents as orderedNetCents',
      'orderLines.unitPriceCents',
      'orderLines.vatRateBp',
      'products.code as productCode',
      'products.name as productName',
      'products.saleUnit',
    ])
    .where('complaintLines.complaintId', '=', complaintId)
    .orderBy('complaintLines.id')
    .execute();
}

/** The order a delivery belongs to, and its customer: a complaint named by its delivery alone. */
export function findDeliveryOrder(db: DbOrTrx, deliveryId: number) {
  return db
    .selectFrom('deliveries')
    .innerJoin('orders', 'orders.id', 'deliveries.orderId')
    .select(['deliveries.orderId', 'orders.customerId'])
    .where('deliveries.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function updateComplaint(db: DbOrTrx, id: number, values: Updateable<ComplaintsTable>): Promise<void> {
  await db.updateTable('complaints').set(values).where('id', '=', id).execute();
}

export async function insertCreditNote(db: DbOrTrx, values: Insertable<CreditNotesTable>): Promise<number> {
  return (await db.insertInto('creditNotes').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findCreditNoteOf(db: DbOrTrx, complaintId: number) {
  return db
    .selectFrom('creditNotes')
    .leftJoin('documents', 'documents.id', 'creditNotes.documentId')
    .select([
      'creditNotes.id',
      'creditNotes.number',
      'creditNotes.netCents',
      'creditNotes.vatCents',
      'creditNotes.grossCents',
      'creditNotes.createdAt',
      'documents.publicId as documentId',
    ])
    .where('creditNotes.complaintId', '=', complaintId)
    .executeTakeFirst();
}

/** The customer as a credit note prints it. */
export function findBilledCustomer(db: DbOrTrx, customerId: number) {
  return db
    .selectFrom('customers')
    .select(['code', 'name', 'street', 'postcode', 'city', 'country', 'vatNumber'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
}

export async function insertReturnPickup(
  db: DbOrTrx,
  values: Insertable<ReturnPickupsTable>,
  lines: readonly { productId: number; quantity: number }[],
): Promise<number> {
  const id = (await db.insertInto('returnPickups').values(values).returning('id').executeTakeFirstOrThrow()).id;
  if (lines.length)
    await db
      .insertInto('returnPickupLines')
      .values(lines.map((l) => ({ ...l, returnPickupId: id })))
      .execute();
  return id;
}

export async function insertGesture(db: DbOrTrx, values: Insertable<CustomerGesturesTable>): Promise<number> {
  return (await db.insertInto('customerGestures').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * The customer's gestures an order may take off, oldest first: those still waiting, and those this order already
 * took (re-priced, it keeps them).
 */
export function listOpenGestures(db: DbOrTrx, customerId: number, orderId?: number) {
  return db
    .selectFrom('customerGestures as g')
    .innerJoin('complaints as c', 'c.id', 'g.complaintId')
    .select(['g.id', 'g.amountCents', 'c.id as complaintId', 'c.number as complaintNumber'])
    .where('g.customerId', '=', customerId)
    .where((eb) =>
      orderId === undefined
        ? eb('g.appliedOrderId', 'is', null)
        : eb.or([eb('g.appliedOrderId', 'is', null), eb('g.appliedOrderId', '=', orderId)]),
    )
    .orderBy('g.id')
    .execute();
}

/** Binds a waiting gesture to the order that takes it off; false when another order took it meanwhile. */
export async function applyGesture(db: DbOrTrx, id: number, orderId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('customerGestures')
    .set({ appliedOrderId: orderId, appliedAt: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('appliedOrderId', 'is', null), eb('appliedOrderId', '=', orderId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A cancelled order gives its gestures back: they wait for the next one. */
export async function releaseGestures(db: DbOrTrx, orderId: number): Promise<void> {
  await db.updateTable('customerGestures').set({ appliedOrderId: null, appliedAt: null }).where('appliedOrderId', '=', orderId).execute();
}

/** What the outcome created: the replacement order, the return to collect and its lines, the gesture. */
export async function findOutcomeRecords(db: DbOrTrx, complaintId: number, replacementOrderId: number | null) {
  const [replacement, pickup, gesture] = await Promise.all([
    replacementOrderId === null
      ? undefined
      : db.selectFrom('orders').select(['id', 'number', 'status', 'requestedDate']).where('id', '=', replacementOrderId).executeTakeFirst(),
    db.selectFrom('returnPickups').select(['id', 'number', 'pickupOn', 'status']).where('complaintId', '=', complaintId).executeTakeFirst(),
    db
      .selectFrom('customerGestures')
      .leftJoin('orders', 'orders.id', 'customerGestures.appliedOrderId')
      .select(['customerGestures.amountCents', 'orders.number as appliedOrderNumber', 'customerGestures.appliedAt'])
      .where('customerGestures.complaintId', '=', complaintId)
      .executeTakeFirst(),
  ]);
  const pickupLines = pickup
    ? await db
        .selectFrom('returnPickupLines')
        .innerJoin('products', 'products.id', 'returnPickupLines.productId')
        .select(['products.code as productCode', 'products.name as productName', 'returnPickupLines.quantity'])
        .where('returnPickupLines.returnPickupId', '=', pickup.id)
        .orderBy('returnPickupLines.id')
        .execute()
    : [];
  return { replacement, pickup: pickup ? { ...pickup, lines: pickupLines } : undefined, gesture };
}

/** The credit note's PDF (the row's id), attached to the answer. */
export async function findCreditNoteDocumentId(db: DbOrTrx, complaintId: number): Promise<number | null> {
  const row = await db.selectFrom('creditNotes').select('documentId').where('complaintId', '=', complaintId).executeTakeFirst();
  return row?.documentId ?? null;
}
