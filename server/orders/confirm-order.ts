import { isBlocking, type OrderFinding } from '../../core/orders/order-findings.ts';
import type { Db } from '../db/database.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { AppError, notFound } from '../errors.ts';
import { bindOrderGestures } from '../complaints/order-gestures.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { deleteFindings, insertFindings, listFindingRows } from './findings.repository.ts';
import { findingRows, sameFindings, toOrderFindingFromRow, withResolutions } from './findings.service.ts';
import { findOrderRow, listOrderLineRows, type OrderLineRow, type OrderRow } from './orders.repository.ts';
import { chargesOf } from './orders.service.ts';
import { runStoredOrderRules } from './stored-order-rules.ts';
import { type Actor, recordTransition, startTransition } from './transition.ts';

/** The 422 of a refused confirmation: each finding still waiting, as a field error and whole in `findings`. */
export function confirmRefused(number: string, blocking: readonly OrderFinding[]): AppError {
  const what = blocking.map((f) => `${f.rule}${f.lineNo ? ` (line ${f.lineNo})` : ''}`).join(', ');
  return new AppError(
    'UNPROCESSABLE',
    `Order ${number} cannot be confirmed: ${blocking.length} finding(s) wait for a manager's approval or override: ${what}`,
    blocking.map((f) => ({
      path: f.lineNo ? `lines.${f.lineNo - 1}` : 'order',
      code: 'finding',
      params: { rule: f.rule },
      message: f.message,
    })),
    { findings: blocking },
  );
}

/**
 * Confirming runs every rule again, now: a block nobody overrode or an approval nobody gave refuses it (422 with
 * the list). The fresh findings replace the stored ones, keeping the managers' answers to what did not change.
 * The rules read before the transaction, so the write lock is held only for the writes; an order edited in
 * between is refused as changed meanwhile. Confirming promises the requested date unless one was promised.
 */
/** `acknowledgeTo`: who the acknowledgement answers instead of the order contact (the sender of an emailed order). */
export async function confirmOrder(
  db: Db,
  orderId: number,
  actor: Actor,
  now: Date,
  options: { acknowledgeTo?: { email: string; name: string | null } } = {},
): Promise<void> {
  const [row, lines, storedRows] = await Promise.all([
    findOrderRow(db, orderId),
    listOrderLineRows(db, orderId),
    listFindingRows(db, [orderId]),
  ]);
  if (!row) throw notFound('Order', orderId);
  let findings: OrderFinding[] | null = null;
  const stored = storedRows.map(toOrderFindingFromRow);
  if (row.status === 'draft') {
    findings = await freshFindings(db, row, lines, stored, now);
    const blocking = findings.filter(isBlocking);
    if (blocking.length) {
      // What the check found now is what the manager's queue must show: stored, then refused.
      if (!sameFindings(findings, stored)) await replaceFindings(db, orderId, row.updatedAt, findings);
      throw confirmRefused(row.number, blocking);
    }
  }
  await db.transaction().execute(async (trx) => {
    const promise = (o: { promisedDate: string | null; requestedDate: string | null }) => o.promisedDate ?? o.requestedDate;
    const t = await startTransition(trx, orderId, 'confirm', now, (o) => ({ promisedDate: promise(o) }));
    if (t.order.updatedAt !== row.updatedAt)
      throw new AppError('CONFLICT', `Order ${row.number} was changed by someone else meanwhile; reload it.`);
    if (findings && !sameFindings(findings, stored)) {
      await deleteFindings(trx, orderId);
      await insertFindings(trx, findingRows(orderId, findings));
    }
    await bindOrderGestures(trx, row, chargesOf(row), t.at);
    await recordTransition(trx, t, actor, { before: { promisedDate: t.order.promisedDate }, after: { promisedDate: promise(t.order) } });
    await queueAcknowledgement(trx, orderId, actor, t.at, options.acknowledgeTo);
    await queueEdiOutbound(trx, orderId, 'ordrsp', t.at);
  });
}

/** The rules over a draft as stored, run now, each finding keeping the manager's answer its unchanged twin had. */
async function freshFindings(
  db: Db,
  row: OrderRow,
  lines: readonly OrderLineRow[],
  stored: readonly OrderFinding[],
  now: Date,
): Promise<OrderFinding[]> {
  const run = await runStoredOrderRules(db, row, lines, { suggest: false, now });
  return withResolutions(
    run.findings,
    lines.map((l) => l.id),
    stored,
  );
}

/**
 * A draft's rules run again now, for what changed around it (a product listed for the customer, a price): the
 * fresh findings are stored when they say something new, and returned. Not a draft: its stored findings.
 */
export async function recheckDraft(db: Db, orderId: number, now: Date): Promise<OrderFinding[]> {
  const [row, lines, storedRows] = await Promise.all([
    findOrderRow(db, orderId),
    listOrderLineRows(db, orderId),
    listFindingRows(db, [orderId]),
  ]);
  if (!row) throw notFound('Order', orderId);
  const stored = storedRows.map(toOrderFindingFromRow);
  if (row.status !== 'draft') return stored;
  const findings = await freshFindings(db, row, lines, stored, now);
  if (!sameFindings(findings, stored)) await replaceFindings(db, orderId, row.updatedAt, findings);
  return findings;
}

/** Rewrites a draft's findings unless it was edited since they were computed (the edit stored its own). */
async function replaceFindings(db: Db, orderId: number, updatedAt: string, findings: readonly OrderFinding[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = await findOrderRow(trx, orderId);
    if (!now || now.status !== 'draft' || now.updatedAt !== updatedAt) return;
    await deleteFindings(trx, orderId);
    await insertFindings(trx, findingRows(orderId, findings));
  });
}
