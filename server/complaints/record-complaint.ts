import { parisNow } from '../../core/calendar/dates.ts';
import { queueFor } from '../../core/complaints/complaint.ts';
import type { ComplaintDetail, ComplaintInput } from '../../core/complaints/complaints.schemas.ts';
import { claimDeadline, serviceClock } from '../../core/complaints/deadlines.ts';
import type { Typology } from '../../core/customers/customer-enums.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { listDeliveryLineRows, listDeliveryRows } from '../deliveries/deliveries.repository.ts';
import type { FieldError } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import { findOrderRow, listOrderLineRows } from '../orders/orders.repository.ts';
import { claimTermsOn } from '../terms/claim-terms.ts';
import { awaitAnswer } from './complaint-tasks.ts';
import { findDeliveryOrder, insertComplaint, insertComplaintLines } from './complaints.repository.ts';
import { getComplaint } from './complaints.service.ts';

const notFoundField = (path: string, entity: string, id: number, message: string): FieldError => ({
  path,
  code: 'not-found',
  params: { entity, id },
  message,
});

type Checked = {
  customer: NonNullable<Awaited<ReturnType<typeof findCustomer>>>;
  orderId: number | null;
  deliveryId: number | null;
  deliveredOn: string | null;
  lines: { orderLineId: number; productId: number; quantity: number }[];
};

/**
 * The records the complaint names must be the customer's own and hang together: the delivery one of the order's,
 * each line one of the order's (of the delivery's, when one is named) and no more than went to the customer.
 */
async function check(db: DbOrTrx, input: ComplaintInput): Promise<Checked> {
  const customer = await findCustomer(db, input.customerId);
  if (!customer) rejectInvalid([notFoundField('customerId', 'customer', input.customerId, 'no such customer')]);
  let orderId = input.orderId ?? null;
  if (input.deliveryId !== undefined && orderId === null) {
    const owner = await findDeliveryOrder(db, input.deliveryId);
    if (!owner || owner.customerId !== input.customerId)
      rejectInvalid([notFoundField('deliveryId', 'delivery', input.deliveryId, "not one of the customer's deliveries")]);
    orderId = owner!.orderId;
  }
  if (orderId === null) {
    if (input.lines?.length) rejectInvalid([{ path: 'orderId', code: 'required', params: {}, message: 'lines need their order' }]);
    return { customer: customer!, orderId: null, deliveryId: null, deliveredOn: null, lines: [] };
  }
  const order = await findOrderRow(db, orderId);
  if (!order || order.customerId !== input.customerId)
    rejectInvalid([notFoundField('orderId', 'order', orderId, "not one of the customer's orders")]);
  const [orderLines, deliveries] = await Promise.all([listOrderLineRows(db, orderId), listDeliveryRows(db, orderId)]);
  const delivery = input.deliveryId === undefined ? undefined : deliveries.find((d) => d.id === input.deliveryId);
  if (input.deliveryId !== undefined && !delivery)
    rejectInvalid([notFoundField('deliveryId', 'delivery', input.deliveryId, "not one of the order's deliveries")]);
  const deliveryLines = delivery ? await listDeliveryLineRows(db, [delivery.id]) : [];

  const errors: FieldError[] = [];
  const seen = new Set<number>();
  const lines = (input.lines ?? []).flatMap((l, i) => {
    const line = orderLines.find((o) => o.id === l.orderLineId);
    const shipped = delivery ? deliveryLines.find((d) => d.orderLineId === l.orderLineId) : undefined;
    if (!line || (delivery && !shipped)) {
      errors.push(
        notFoundField(`lines.${i}.orderLineId`, 'order-line', l.orderLineId, `not a line of this ${delivery ? 'delivery' : 'order'}`),
      );
      return [];
    }
    if (seen.has(l.orderLineId)) errors.push({ path: `lines.${i}.orderLineId`, code: 'duplicate', params: {}, message: 'named twice' });
    seen.add(l.orderLineId);
    const limit = shipped ? (shipped.deliveredQuantity ?? shipped.quantity) : line.quantity;
    if (l.quantity > limit)
      errors.push({
        path: `lines.${i}.quantity`,
        code: 'out-of-range',
        params: { comparison: '<=', limit },
        message: `at most ${limit}, what the customer received`,
      });
    return [{ orderLineId: l.orderLineId, productId: line.productId, quantity: l.quantity }];
  });
  rejectInvalid(errors);
  // The day the goods arrived: the named delivery's, else the order's last one that arrived.
  const arrived = delivery ? [delivery] : deliveries.filter((d) => d.deliveredAt !== null);
  const last = arrived.at(-1);
  const deliveredOn = last?.deliveredAt ? parisNow(new Date(last.deliveredAt)).date : (last?.plannedDate ?? null);
  return { customer: customer!, orderId, deliveryId: delivery?.id ?? null, deliveredOn, lines };
}

/**
 * Records a complaint as it comes in: judged against the claim deadline of the terms in force today for the
 * customer's typology (kept as judged), its service clock started, owned by the customer's assistant (or whoever
 * took it), waiting in the owner's work list for a first answer. One transaction, audited.
 */
export async function recordComplaint(db: Db, userId: number, input: ComplaintInput, now: Date): Promise<ComplaintDetail> {
  const checked = await check(db, input);
  const { customer } = checked;
  const received = parisNow(now);
  const { terms, clause } = await claimTermsOn(db, customer.typology as Typology, received.date);
  const reservesMade = input.reservesMade ?? null;
  const deadline = claimDeadline(
    { reason: input.reason, deliveredOn: checked.deliveredOn, receivedOn: received.date, reservesMade },
    terms,
  );
  const clock = serviceClock(received, terms);
  const at = now.toISOString();
  const queue = queueFor(input.reason);
  const ownerId = customer.assistantUserId ?? userId;

  const id = await db.transaction().execute(async (trx) => {
    const year = received.date.slice(0, 4);
    const number = `REC-${year}-${String(await nextCounter(trx, `complaint-${year}`)).padStart(5, '0')}`;
    const complaintId = await insertComplaint(trx, {
      number,
      customerId: customer.id,
      orderId: checked.orderId,
      deliveryId: checked.deliveryId,
      reason: input.reason,
      description: input.description.trim(),
      channel: input.channel,
      mood: input.mood ?? null,
      reservesMade: reservesMade === null ? null : reservesMade ? 1 : 0,
      status: 'open',
      queue,
      ownerId,
      receivedAt: at,
      deliveredOn: checked.deliveredOn,
      claimKind: deadline.kind,
      claimDays: deadline.days,
      claimDeadline: deadline.date,
      withinTerms: deadline.withinTerms === null ? null : deadline.withinTerms ? 1 : 0,
      clause,
      answerBy: clock.answerBy,
      resolveBy: clock.resolveBy,
      answeredAt: null,
      resolvedAt: null,
      closedAt: null,
      createdBy: userId,
      createdAt: at,
      updatedAt: at,
    });
    await insertComplaintLines(
      trx,
      checked.lines.map((l) => ({ complaintId, ...l })),
    );
    await recordAudits(trx, [
      auditRow({
        entityType: 'complaint',
        entityId: complaintId,
        orderId: checked.orderId,
        action: 'create',
        userId,
        after: { number, status: 'open', reason: input.reason, withinTerms: deadline.withinTerms, mood: input.mood ?? null },
        at,
      }),
    ]);
    const urgent = queue === 'quality' || input.mood === 'angry' || input.mood === 'annoyed';
    await awaitAnswer(
      trx,
      { id: complaintId, number, customerId: customer.id, customerName: customer.name, reason: input.reason, ownerId, urgent },
      clock.answerBy,
      now,
    );
    return complaintId;
  });
  return getComplaint(db, id, now);
}
