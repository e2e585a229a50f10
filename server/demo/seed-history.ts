import { parisNow } from '../../core/calendar/dates.ts';
import type { ComplaintReason } from '../../core/complaints/complaint.ts';
import { claimDeadline, serviceClock } from '../../core/complaints/deadlines.ts';
import type { Typology } from '../../core/customers/customer-enums.ts';
import { orderTotals } from '../../core/orders/totals.ts';
import { contestDeadline } from '../../core/penalties/notice.ts';
import { LEGAL_FRAME } from '../../core/penalties/penalty.ts';
import type { Insertable } from 'kysely';
import type { CallsTable } from '../calls/calls.table.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import { recordDeliveryFacts } from '../reports/facts.repository.ts';
import { claimTermsOn } from '../terms/claim-terms.ts';
import type { DemoClock } from './demo-clock.ts';
import demo from './demo-data.json' with { type: 'json' };
import { type HistoryCustomer, type HistoryPlan, planHistory, type PlannedOrder } from './history-plan.ts';
import { writeHistoryRisks } from './seed-history-risks.ts';

/** Six months: what the figures compare, week against week and month against month. */
export const HISTORY_WEEKS = 26;
export const HISTORY_SEED = 20260119;

/**
 * Customers whose latest delivery is a scenario's (Boulangerie Martin's usual order, Au Pain Doré's torn sacks,
 * Maison Lefèvre's satisfaction call, Pâtisserie Rousseau's lot, Pause Croustille's missing colis): the history
 * stops before the data set's last delivery to them, which stays their latest.
 */
const DATA_SET_KEEPS_LATEST = new Set(['C020', 'C021', 'C022', 'C025', 'C042']);

export type HistoryCounts = { orders: number; lines: number; complaints: number; notices: number; calls: number; interviews: number };

/** What the history will be for this demo: the data set's customers, their usual orders, as of today. */
export async function demoHistoryPlan(db: Db, clock: DemoClock, today: string): Promise<HistoryPlan> {
  const clauses = new Map(
    (
      await db
        .selectFrom('penaltyClauses')
        .innerJoin('customers', 'customers.id', 'penaltyClauses.customerId')
        .selectAll('penaltyClauses')
        .select('customers.code')
        .execute()
    ).map((c) => [
      c.code,
      { lateFlatCents: c.lateFlatCents, missingValueBp: c.missingValueBp, backordersAccepted: c.backordersAccepted === 1 },
    ]),
  );
  const customers: HistoryCustomer[] = demo.customers.map((c) => {
    const own = demo.orders.filter((o) => o.customer === c.code && o.status !== 'cancelled');
    const delivered = own.flatMap((o) => o.deliveries.map((d) => d.deliveredDate).filter((d): d is string => !!d)).sort();
    return {
      code: c.code,
      typology: c.typology,
      templates: own.map((o) => ({
        deliveryPoint: o.deliveryPoint,
        channel: o.channel,
        customerRef: o.customerRef,
        lines: o.lines.map((l) => ({
          product: l.product,
          customerCode: l.customerCode,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
        })),
      })),
      until: DATA_SET_KEEPS_LATEST.has(c.code) && delivered.length ? clock.shiftDate(delivered.at(-1)!) : null,
      busy: new Set(own.map((o) => clock.shiftDate(o.receivedAt.slice(0, 10)))),
      clause: clauses.get(c.code) ?? null,
    };
  });
  return planHistory({
    today,
    weeks: HISTORY_WEEKS,
    seed: HISTORY_SEED,
    customers,
    bulk: new Set(demo.products.filter((p) => p.saleUnit === 'TONNE').map((p) => p.code)),
    noInterview: new Set(['C022']),
  });
}

/**
 * Writes the demo's six months of history (server/demo/history-plan.ts) as the desk's own flows would have left it:
 * orders created and confirmed (the touchless EDI and portal ones by no one), released to the product's warehouse,
 * delivered on time or late, in full or short with the rest backordered (a confirmed "-R1" order, delivered in its
 * turn) or cancelled; the complaints answered, resolved and closed; the chains' penalty notices settled or withdrawn;
 * the calls; the satisfaction interviews; the risks resolved before they failed. One transaction; numbers continue the desk's counters.
 */
export async function seedHistory(db: Db, clock: DemoClock, now: Date): Promise<HistoryCounts> {
  const today = parisNow(now).date;
  const plan = await demoHistoryPlan(db, clock, today);
  return db.transaction().execute((trx) => writeHistory(trx, plan));
}

type Ids = { orders: number[]; lines: number[][]; deliveries: (number | null)[] };

async function writeHistory(trx: Trx, plan: HistoryPlan): Promise<HistoryCounts> {
  const customers = new Map(
    (await trx.selectFrom('customers').select(['id', 'code', 'typology', 'assistantUserId']).execute()).map((c) => [c.code, c]),
  );
  const points = new Map((await trx.selectFrom('deliveryPoints').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const productRows = await trx.selectFrom('products').selectAll().execute();
  const products = new Map(productRows.map((p) => [p.code, p]));
  const warehouseOf = new Map<number, number>();
  for (const s of await trx.selectFrom('stockLevels').select(['productId', 'warehouseId']).orderBy('warehouseId').execute())
    if (!warehouseOf.has(s.productId)) warehouseOf.set(s.productId, s.warehouseId);
  const firstContact = new Map<number, number>();
  for (const c of await trx.selectFrom('contacts').select(['id', 'customerId']).orderBy('id').execute())
    if (!firstContact.has(c.customerId)) firstContact.set(c.customerId, c.id);
  const assistantOf = (code: string) => customers.get(code)!.assistantUserId;

  const ids = await writeOrders(trx, plan.orders, { customers, points, products, warehouseOf, assistantOf });
  const complaintIds = await writeComplaints(trx, plan, ids, { customers, products });
  await writeNotices(trx, plan, ids, { customers, products });
  await writeHistoryRisks(trx, plan, ids, { customers, products });

  const callRows: Insertable<CallsTable>[] = plan.calls.map((c) => {
    const customer = customers.get(c.customer)!;
    const endedAt = new Date(Date.parse(c.at) + c.seconds * 1000).toISOString();
    const local = parisNow(new Date(c.at));
    return {
      customerId: customer.id,
      contactId: firstContact.get(customer.id) ?? null,
      userId: customer.assistantUserId!,
      direction: c.direction,
      purpose: c.purpose,
      startedAt: c.at,
      endedAt,
      durationSeconds: c.seconds,
      localDate: local.date,
      localTime: local.time,
      outcome: c.outcome,
      note: null,
      callBackAt: null,
      orderId: c.order === null ? null : ids.orders[c.order],
      complaintId: c.complaint === null ? null : complaintIds[c.complaint],
      riskId: null,
      satisfactionInterviewId: null,
      createdAt: endedAt,
    };
  });
  for (const i of plan.interviews) {
    const customer = customers.get(i.customer)!;
    const overall = i.answers.find((a) => a.question === 'overall')!.score;
    const row = await trx
      .insertInto('satisfactionInterviews')
      .values({
        customerId: customer.id,
        complaintId: null,
        at: i.at,
        answersJson: JSON.stringify(i.answers),
        overall,
        comment: i.comment,
        followUpTaskId: null,
        createdBy: customer.assistantUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seconds = 600 + (row.id % 5) * 60;
    const local = parisNow(new Date(i.at));
    callRows.push({
      customerId: customer.id,
      contactId: firstContact.get(customer.id) ?? null,
      userId: customer.assistantUserId!,
      direction: 'out',
      purpose: 'satisfaction',
      startedAt: i.at,
      endedAt: new Date(Date.parse(i.at) + seconds * 1000).toISOString(),
      durationSeconds: seconds,
      localDate: local.date,
      localTime: local.time,
      outcome: 'handled',
      note: null,
      callBackAt: null,
      orderId: null,
      complaintId: null,
      riskId: null,
      satisfactionInterviewId: row.id,
      createdAt: i.at,
    });
  }
  callRows.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  await insertRows(trx, 'calls', callRows);
  return {
    orders: plan.orders.length,
    lines: plan.orders.reduce((s, o) => s + o.lines.length, 0),
    complaints: plan.complaints.length,
    notices: plan.notices.length,
    calls: callRows.length,
    interviews: plan.interviews.length,
  };
}

type Product = { id: number; vatRateBp: number; penaltyCategory: string | null } & Omit<
  Parameters<typeof orderTotals>[0][number],
  'quantity' | 'unitPriceCents'
>;
type Lookups = {
  customers: Map<string, { id: number; typology: string; assistantUserId: number | null }>;
  points: Map<string, number>;
  products: Map<string, Product>;
  warehouseOf: Map<number, number>;
  assistantOf: (code: string) => number | null;
};

const month = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}`;

async function writeOrders(trx: Trx, orders: readonly PlannedOrder[], k: Lookups): Promise<Ids> {
  const first = (await nextCounter(trx, 'order', orders.length)) - orders.length;
  const numbers: string[] = [];
  orders.forEach((o, i) => {
    numbers.push(
      o.backorderOf ? `${numbers[o.backorderOf.order]}-R1` : `CDE-${month(o.receivedAt)}-${String(first + i + 1).padStart(5, '0')}`,
    );
  });
  const orderRows = orders.map((o, i) => {
    const totals = orderTotals(
      o.lines.map((l) => ({ ...k.products.get(l.product)!, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
    );
    return {
      number: numbers[i],
      customerId: k.customers.get(o.customer)!.id,
      deliveryPointId: k.points.get(o.deliveryPoint)!,
      channel: o.channel,
      customerRef: o.customerRef,
      requestedDate: o.requestedDate,
      promisedDate: o.promisedDate,
      status: o.status,
      note: null,
      netCents: totals.netCents,
      vatCents: totals.vatCents,
      grossCents: totals.grossCents,
      palletsCenti: Math.round(totals.pallets * 100),
      weightG: totals.weightG,
      backorderOfOrderId: null as number | null,
      createdBy: o.touchless ? null : k.assistantOf(o.customer),
      createdAt: o.receivedAt,
      updatedAt: o.delivery?.deliveredAt ?? o.receivedAt,
    };
  });
  const inserted = await insertRows(trx, 'orders', orderRows, ['id', 'number']);
  const idOf = new Map(inserted.map((r) => [r.number as string, r.id as number]));
  const orderIds = numbers.map((n) => idOf.get(n)!);
  for (const [i, o] of orders.entries())
    if (o.backorderOf)
      await trx.updateTable('orders').set({ backorderOfOrderId: orderIds[o.backorderOf.order] }).where('id', '=', orderIds[i]).execute();

  // Lines: a backorder's line carries over its parent's, so parents go first (they come first in the plan).
  const lineIds: number[][] = orders.map(() => []);
  const lineRows = orders.flatMap((o, i) =>
    o.lines.map((l, li) => {
      const product = k.products.get(l.product)!;
      return {
        orderId: orderIds[i],
        lineNo: li + 1,
        productId: product.id,
        customerCode: l.customerCode,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        netCents: l.quantity * l.unitPriceCents,
        vatRateBp: product.vatRateBp,
        deliveredQuantity: l.delivered,
        status: l.status,
        backorderOfLineId: null as number | null,
      };
    }),
  );
  const lineKey = (orderId: number, lineNo: number) => `${orderId}:${lineNo}`;
  const insertedLines = await insertRows(trx, 'orderLines', lineRows, ['id', 'orderId', 'lineNo']);
  const lineIdOf = new Map(insertedLines.map((r) => [lineKey(r.orderId as number, r.lineNo as number), r.id as number]));
  orders.forEach((o, i) => o.lines.forEach((_, li) => lineIds[i].push(lineIdOf.get(lineKey(orderIds[i], li + 1))!)));
  for (const [i, o] of orders.entries())
    if (o.backorderOf)
      for (const [li, parentLine] of o.backorderOf.lines.entries())
        await trx
          .updateTable('orderLines')
          .set({ backorderOfLineId: lineIds[o.backorderOf.order][parentLine] })
          .where('id', '=', lineIds[i][li])
          .execute();

  // One delivery per delivered order, from the warehouse of its first product (as the data set's history).
  const delivered = orders.map((o, i) => ({ o, i })).filter(({ o }) => o.delivery);
  const firstDelivery = (await nextCounter(trx, 'delivery', delivered.length)) - delivered.length;
  const firstNote = (await nextCounter(trx, 'delivery-note', delivered.length)) - delivered.length;
  const deliveryRows = delivered.map(({ o, i }, n) => {
    const d = o.delivery!;
    const row = orderRows[i];
    return {
      number: `LIV-${String(firstDelivery + n + 1).padStart(6, '0')}`,
      orderId: orderIds[i],
      warehouseId: k.warehouseOf.get(k.products.get(o.lines[0].product)!.id)!,
      plannedDate: d.plannedDate,
      status: 'delivered',
      deliveryNoteNumber: `BL-${month(d.plannedDate)}-${String(firstNote + n + 1).padStart(5, '0')}`,
      palletsCenti: row.palletsCenti,
      weightG: row.weightG,
      shippedAt: new Date(Date.parse(d.deliveredAt) - 4 * 3_600_000).toISOString(),
      deliveredAt: d.deliveredAt,
      documentId: null,
      createdAt: o.confirmedAt!,
    };
  });
  const insertedDeliveries = await insertRows(trx, 'deliveries', deliveryRows, ['id', 'orderId']);
  const deliveryOf = new Map(insertedDeliveries.map((r) => [r.orderId as number, r.id as number]));
  const deliveries = orderIds.map((id) => deliveryOf.get(id) ?? null);
  await insertRows(
    trx,
    'deliveryLines',
    delivered.flatMap(({ o, i }) =>
      o.lines.map((l, li) => ({
        deliveryId: deliveries[i]!,
        orderLineId: lineIds[i][li],
        productId: k.products.get(l.product)!.id,
        quantity: l.quantity,
        deliveredQuantity: l.delivered,
      })),
    ),
  );

  // The timeline: created, confirmed (by no one for a touchless order), delivered with what arrived.
  const audits = orders.flatMap((o, i) => {
    const userId = o.touchless ? null : k.assistantOf(o.customer);
    const orderId = orderIds[i];
    const base = { entityType: 'order' as const, entityId: orderId, orderId };
    const rows = [
      auditRow({
        ...base,
        action: o.backorderOf ? 'create_backorder' : 'create',
        userId,
        after: { number: numbers[i], status: o.backorderOf ? 'confirmed' : 'draft' },
        at: o.receivedAt,
        note: 'historique de démonstration',
      }),
    ];
    if (o.status === 'cancelled')
      rows.push(
        auditRow({ ...base, action: 'cancel', userId, before: { status: 'draft' }, after: { status: 'cancelled' }, at: o.receivedAt }),
      );
    if (o.confirmedAt && !o.backorderOf)
      rows.push(
        auditRow({ ...base, action: 'confirm', userId, before: { status: 'draft' }, after: { status: 'confirmed' }, at: o.confirmedAt }),
      );
    if (o.delivery)
      rows.push(
        auditRow({
          ...base,
          action: 'deliver',
          userId: k.assistantOf(o.customer),
          before: { status: 'shipped' },
          after: {
            status: 'delivered',
            deliveryIds: [deliveries[i]],
            lines: o.lines.map((l, li) => ({ lineId: lineIds[i][li], ordered: l.quantity, delivered: l.delivered, status: l.status })),
          },
          at: o.delivery.deliveredAt,
        }),
      );
    return rows;
  });
  await recordAudits(trx, audits);
  // The figures read the delivery facts the delivery report writes: the history's deliveries get theirs too.
  await recordDeliveryFacts(
    trx,
    orderIds.filter((_, i) => orders[i].delivery),
  );
  return { orders: orderIds, lines: lineIds, deliveries };
}

async function writeComplaints(trx: Trx, plan: HistoryPlan, ids: Ids, k: Pick<Lookups, 'customers' | 'products'>): Promise<number[]> {
  const out: number[] = [];
  for (const c of plan.complaints) {
    const o = plan.orders[c.order];
    const customer = k.customers.get(o.customer)!;
    const received = parisNow(new Date(c.receivedAt));
    const { terms, clause } = await claimTermsOn(trx, customer.typology as Typology, received.date);
    const deliveredOn = o.delivery!.deliveredDate;
    const deadline = claimDeadline(
      { reason: c.reason as ComplaintReason, deliveredOn, receivedOn: received.date, reservesMade: true },
      terms,
    );
    const serviceTimes = serviceClock(received, terms);
    const year = received.date.slice(0, 4);
    const number = `REC-${year}-${String(await nextCounter(trx, `complaint-${year}`)).padStart(5, '0')}`;
    const quality = c.reason === 'quality-defect';
    const row = await trx
      .insertInto('complaints')
      .values({
        number,
        customerId: customer.id,
        orderId: ids.orders[c.order],
        deliveryId: ids.deliveries[c.order],
        reason: c.reason,
        description: DESCRIPTIONS[c.reason] ?? 'Réclamation client.',
        channel: c.channel,
        mood: c.mood,
        reservesMade: 1,
        status: 'closed',
        queue: quality ? 'quality' : 'desk',
        ownerId: customer.assistantUserId,
        receivedAt: c.receivedAt,
        deliveredOn,
        claimKind: deadline.kind,
        claimDays: deadline.days,
        claimDeadline: deadline.date,
        withinTerms: deadline.withinTerms === null ? null : deadline.withinTerms ? 1 : 0,
        clause,
        answerBy: serviceTimes.answerBy,
        resolveBy: serviceTimes.resolveBy,
        outcome: c.outcome,
        refusalReason: c.refusalReason,
        gestureCents: c.gestureCents,
        outcomeNote: null,
        answeredAt: c.answeredAt,
        resolvedAt: c.resolvedAt,
        closedAt: c.resolvedAt,
        createdBy: customer.assistantUserId,
        createdAt: c.receivedAt,
        updatedAt: c.resolvedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('complaintLines')
      .values({
        complaintId: row.id,
        orderLineId: ids.lines[c.order][c.line],
        productId: k.products.get(o.lines[c.line].product)!.id,
        quantity: c.quantity,
      })
      .execute();
    await recordAudits(trx, [
      auditRow({
        entityType: 'complaint',
        entityId: row.id,
        orderId: ids.orders[c.order],
        action: 'create',
        userId: customer.assistantUserId,
        after: { number, status: 'open', reason: c.reason, withinTerms: deadline.withinTerms, mood: c.mood },
        at: c.receivedAt,
      }),
    ]);
    out.push(row.id);
  }
  return out;
}

const DESCRIPTIONS: Record<string, string> = {
  'missing-quantity': 'Quantité livrée inférieure à la commande.',
  'late-delivery': 'Livraison arrivée après la date promise.',
  'damaged-packaging': 'Sacs abîmés à la livraison.',
  'quality-defect': 'Farine qui ne se comporte pas comme d’habitude au pétrissage.',
};

async function writeNotices(trx: Trx, plan: HistoryPlan, ids: Ids, k: Pick<Lookups, 'customers' | 'products'>): Promise<void> {
  const clauses = new Map((await trx.selectFrom('penaltyClauses').selectAll().execute()).map((c) => [c.customerId, c]));
  const rows = plan.notices.map((n, i) => {
    const o = plan.orders[n.order];
    const customerId = k.customers.get(o.customer)!.id;
    const category = k.products.get(o.lines[n.line].product)!.penaltyCategory;
    const categoryValue = o.lines
      .filter((l) => k.products.get(l.product)!.penaltyCategory === category)
      .reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const receivedDate = parisNow(new Date(n.receivedAt)).date;
    const deadline = contestDeadline({ receivedDate }, clauses.get(customerId) ?? null, LEGAL_FRAME);
    const won = n.status === 'withdrawn';
    return {
      reference: `PEN-H${String(i + 1).padStart(4, '0')}`,
      customerId,
      orderId: ids.orders[n.order],
      deliveryId: ids.deliveries[n.order],
      externalOrderRef: o.customerRef,
      receivedDate,
      failureDate: n.failureDate,
      kind: n.kind,
      category,
      claimedCents: n.claimedCents,
      categoryOrderedValueCents: categoryValue,
      proofOfFailure: 1,
      proofOfHarm: won ? 0 : 1,
      stockoutDocumented: 0,
      deductedFromInvoice: won ? 0 : 1,
      contractBasis: null,
      status: n.status,
      contestDeadline: deadline.deadline,
      reminderDate: null,
      contestReason: won ? 'Préjudice non démontré (art. L441-17 C. com.).' : null,
      contestedAt: n.contestedAt,
      letterDocumentId: null,
      acceptedCents: won ? 0 : n.claimedCents,
      settledAt: n.settledAt,
      settlementNote: won ? 'Pénalité retirée par le client.' : null,
      createdBy: null,
      createdAt: n.receivedAt,
      updatedAt: n.settledAt,
    };
  });
  await insertRows(trx, 'penaltyNotices', rows);
}
