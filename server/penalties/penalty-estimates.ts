import { addDays, parisNow } from '../../core/calendar/dates.ts';
import {
  isUnderL441,
  LEGAL_FRAME,
  type PenaltyClause,
  type PenaltyFrame,
  type PenaltyLine,
  penalty,
} from '../../core/penalties/penalty.ts';
import type { CustomerPenaltyClause, DeliveryPenalty, OrderExposure } from '../../core/penalties/views.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, type FieldError, notFound } from '../errors.ts';
import {
  type ClauseRow,
  findClauseRow,
  findCustomerForPenalty,
  findDeliveryForPenalty,
  findOrderForPenalty,
  listDeliveryQuantities,
  listPenaltyLineRows,
  upsertClause,
} from './penalties.repository.ts';

/**
 * The frame every estimate and check runs in: the law's 2 % and one year, and the contest period of the company's
 * CGV. One constant until the terms of sale carry it.
 */
export const FRAME: PenaltyFrame = LEGAL_FRAME;

export function toClause(row: ClauseRow): PenaltyClause {
  return {
    contractRef: row.contractRef,
    latePerDayCents: row.latePerDayCents,
    lateFlatCents: row.lateFlatCents,
    missingValueBp: row.missingValueBp,
    incidentFlatCents: row.incidentFlatCents,
    serviceRateTargetBp: row.serviceRateTargetBp,
    serviceRateToleranceBp: row.serviceRateToleranceBp,
    contestPeriodDays: row.contestPeriodDays,
    backordersAccepted: row.backordersAccepted === 1,
    l441Applicable: row.l441Applicable === 1,
  };
}

export async function getPenaltyClause(db: DbOrTrx, customerId: number): Promise<CustomerPenaltyClause> {
  const [customer, row] = await Promise.all([findCustomerForPenalty(db, customerId), findClauseRow(db, customerId)]);
  if (!customer) throw notFound('Customer', customerId);
  const clause = row ? { ...toClause(row), note: row.note, updatedAt: row.updatedAt } : null;
  return { customerId, typology: customer.typology, clause, l441Applicable: isUnderL441(customer.typology, clause), frame: FRAME };
}

/** Amounts and periods left out are "none"; the two flags are always said. */
export type ClauseInput = Partial<Omit<PenaltyClause, 'backordersAccepted' | 'l441Applicable'>> &
  Pick<PenaltyClause, 'backordersAccepted' | 'l441Applicable'> & { note?: string | null };

/** Replaces a customer's clause, audited with before and after in the same transaction. */
export async function savePenaltyClause(
  db: Db,
  customerId: number,
  input: ClauseInput,
  userId: number,
  now: Date,
): Promise<CustomerPenaltyClause> {
  await db.transaction().execute(async (trx) => {
    const [customer, before] = await Promise.all([findCustomerForPenalty(trx, customerId), findClauseRow(trx, customerId)]);
    if (!customer) throw notFound('Customer', customerId);
    const values = {
      customerId,
      contractRef: input.contractRef ?? null,
      latePerDayCents: input.latePerDayCents ?? null,
      lateFlatCents: input.lateFlatCents ?? null,
      missingValueBp: input.missingValueBp ?? null,
      incidentFlatCents: input.incidentFlatCents ?? null,
      serviceRateTargetBp: input.serviceRateTargetBp ?? null,
      serviceRateToleranceBp: input.serviceRateToleranceBp ?? 0,
      contestPeriodDays: input.contestPeriodDays ?? null,
      backordersAccepted: input.backordersAccepted ? 1 : 0,
      l441Applicable: input.l441Applicable ? 1 : 0,
      note: input.note ?? null,
      updatedBy: userId,
      updatedAt: now.toISOString(),
    };
    await upsertClause(trx, values);
    await recordAudit(trx, {
      entityType: 'penalty_clause',
      entityId: customerId,
      action: before ? 'update' : 'create',
      userId,
      before: before ?? null,
      after: values,
      at: now.toISOString(),
    });
  });
  return getPenaltyClause(db, customerId);
}

type Context = { clause: PenaltyClause | null; typology: string };

async function loadContext(db: DbOrTrx, customerId: number): Promise<Context> {
  const [customer, row] = await Promise.all([findCustomerForPenalty(db, customerId), findClauseRow(db, customerId)]);
  return { clause: row ? toClause(row) : null, typology: customer?.typology ?? '' };
}

/** What a delivered delivery would cost: late against the order's promised date, short against what it was to bring. */
export async function deliveryPenalty(db: DbOrTrx, deliveryId: number): Promise<DeliveryPenalty> {
  const d = await findDeliveryForPenalty(db, deliveryId);
  if (!d) throw notFound('Delivery', deliveryId);
  if (d.status !== 'delivered' || !d.deliveredAt)
    throw new AppError('CONFLICT', `Delivery ${d.number} is not delivered yet: see the order's penalty exposure instead.`);
  const [ctx, lines, quantities] = await Promise.all([
    loadContext(db, d.customerId),
    listPenaltyLineRows(db, d.orderId),
    listDeliveryQuantities(db, deliveryId),
  ]);
  const onDelivery = new Map(quantities.map((q) => [q.orderLineId, q]));
  const penaltyLines: PenaltyLine[] = lines.map((l) => {
    const q = onDelivery.get(l.id);
    return {
      productCode: l.productCode,
      category: l.penaltyCategory,
      orderedQuantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      expectedQuantity: q?.quantity ?? 0,
      deliveredQuantity: q?.deliveredQuantity ?? null,
    };
  });
  const promisedDate = d.promisedDate ?? d.requestedDate;
  const deliveredDate = parisNow(new Date(d.deliveredAt)).date;
  const estimate = penalty({ promisedDate, deliveredDate, lines: penaltyLines }, ctx.clause, FRAME, ctx.typology);
  return {
    ...estimate,
    deliveryId,
    deliveryNumber: d.number,
    orderId: d.orderId,
    orderNumber: d.orderNumber,
    promisedDate,
    deliveredDate,
    hasClause: ctx.clause !== null,
  };
}

export type Shortfall = { lineId: number; quantity: number };

/**
 * What is at stake on an order at risk: if the promised date slips by `daysLate` days, and if it leaves on time
 * with the given lines short. The two choices the assistant weighs with the customer, side by side.
 */
export async function orderExposure(
  db: DbOrTrx,
  orderId: number,
  daysLate: number,
  shortfalls: readonly Shortfall[],
): Promise<OrderExposure> {
  const order = await findOrderForPenalty(db, orderId);
  if (!order) throw notFound('Order', orderId);
  const [ctx, lines] = await Promise.all([loadContext(db, order.customerId), listPenaltyLineRows(db, orderId)]);
  const errors = shortfalls.flatMap((s, i): FieldError[] => {
    const line = lines.find((l) => l.id === s.lineId);
    if (!line)
      return [
        {
          path: `querystring.short.${i}`,
          code: 'not-found',
          params: { entity: 'order-line', id: s.lineId },
          message: `line ${s.lineId} is not on order ${order.number}`,
        },
      ];
    if (s.quantity > line.quantity)
      return [
        {
          path: `querystring.short.${i}`,
          code: 'out-of-range',
          params: { comparison: '<=', limit: line.quantity },
          message: `${s.quantity} short is more than the ${line.quantity} ordered`,
        },
      ];
    return [];
  });
  if (errors.length) throw new AppError('VALIDATION', `Invalid request: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
  const promisedDate = order.promisedDate ?? order.requestedDate;
  const base = lines.map((l) => ({
    productCode: l.productCode,
    category: l.penaltyCategory,
    orderedQuantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    expectedQuantity: l.quantity,
    deliveredQuantity: l.quantity,
  }));
  const late = penalty(
    { promisedDate, deliveredDate: promisedDate ? addDays(promisedDate, daysLate) : null, lines: base },
    ctx.clause,
    FRAME,
    ctx.typology,
  );
  const short = shortfalls.length
    ? penalty(
        {
          promisedDate,
          deliveredDate: promisedDate,
          lines: base.map((l, i) => {
            const missing = shortfalls.filter((s) => s.lineId === lines[i].id).reduce((sum, s) => sum + s.quantity, 0);
            return { ...l, deliveredQuantity: Math.max(0, l.expectedQuantity - missing) };
          }),
        },
        ctx.clause,
        FRAME,
        ctx.typology,
      )
    : null;
  return { orderId, promisedDate, daysLate, hasClause: ctx.clause !== null, late, short };
}
