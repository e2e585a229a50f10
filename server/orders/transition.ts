import type { TimelineNote } from '../../core/shared/error-codes.ts';
import { availableActions, checkTransition, type OrderAction, type OrderStatus } from '../../core/orders/lifecycle.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Trx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { findOrderRow, type OrderRow, updateOrderStatus } from './orders.repository.ts';

export type Actor = { id: number };

export type StartedTransition = { order: OrderRow; action: OrderAction; from: OrderStatus; to: OrderStatus; at: string };

export function invalidTransition(
  order: { number: string; status: string },
  action: OrderAction | 'edit',
  allowedFrom: readonly string[],
): AppError {
  const now = availableActions(order.status as OrderStatus);
  return new AppError(
    'INVALID_TRANSITION',
    `Order ${order.number} is ${order.status}: ${action} is allowed only from ${allowedFrom.join(' or ')}. ` +
      (now.length ? `Allowed now: ${now.join(', ')}.` : 'No action is possible any more.'),
    [],
    { currentStatus: order.status, action, allowedFrom, availableActions: now },
  );
}

/**
 * Opens a transition inside the caller's transaction: asks the lifecycle table (the one place that decides), then
 * moves the status at once, conditioned on the status just read. Doing the UPDATE first takes the row lock on
 * PostgreSQL before any other write, so a concurrent transition on the same order waits, then finds nothing to move.
 */
export async function startTransition(
  trx: Trx,
  orderId: number,
  action: OrderAction,
  now: Date,
  patchFor: (order: OrderRow) => { promisedDate?: string | null } = () => ({}),
): Promise<StartedTransition> {
  const order = await findOrderRow(trx, orderId);
  if (!order) throw notFound('Order', orderId);
  const from = order.status as OrderStatus;
  const check = checkTransition(from, action);
  if (!check.ok) throw invalidTransition(order, action, check.allowedFrom);
  const at = now.toISOString();
  const moved = await updateOrderStatus(trx, orderId, from, { status: check.to, updatedAt: at, ...patchFor(order) });
  if (!moved) throw new AppError('CONFLICT', `Order ${order.number} was changed by someone else meanwhile; reload it.`);
  return { order, action, from, to: check.to, at };
}

/** The timeline entry of a transition: who, when, the status before and after, and what else it changed. */
export async function recordTransition(
  trx: Trx,
  t: StartedTransition,
  actor: Actor,
  changes: { before?: object; after?: object; note?: string | null; notes?: readonly TimelineNote[] } = {},
): Promise<void> {
  await recordAudit(trx, {
    entityType: 'order',
    entityId: t.order.id,
    orderId: t.order.id,
    action: t.action,
    userId: actor.id,
    before: { status: t.from, ...changes.before },
    after: { status: t.to, ...changes.after },
    note: changes.note ?? null,
    notes: changes.notes,
    at: t.at,
  });
}
