import { learnCorrections } from '../../core/intake/corrections.ts';
import { WAITING_STATUSES, type DismissReason, type IntakeChannel, type IntakeStatus } from '../../core/intake/intake-enums.ts';
import type { FoundOrder, IntakeDetail, IntakePart, IntakeQuery, IntakeQueueItem, SenderMatch } from '../../core/intake/intake.schemas.ts';
import type { OrderInput } from '../../core/orders/orders.schemas.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import type { Db } from '../db/database.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { confirmOrder } from '../orders/confirm-order.ts';
import { findOrderRow, listOrderLineRows } from '../orders/orders.repository.ts';
import { saveNewOrder, updateDraft } from '../orders/save-order.ts';
import type { Actor } from '../orders/transition.ts';
import {
  findIntakeRow,
  type IntakeRow,
  listIntakeRows,
  listWaitingEdiMessages,
  listWaitingPortalOrders,
  saveCorrection,
  updateIntakeItem,
} from './intake.repository.ts';
import { findInParts } from './read-items.ts';

const EMPTY_FOUND: FoundOrder = { lines: [], values: [], requestedDate: null, customerRef: null };
const NO_SENDER: SenderMatch = { customerId: null, by: 'none', confidence: 0, candidates: [] };

/** "À saisir": the emails and faxes waiting, the EDI messages waiting (linked to the EDI queue), the portal drafts. */
export async function intakeQueue(db: Db, query: IntakeQuery): Promise<{ items: IntakeQueueItem[] }> {
  const status = query.status ?? 'waiting';
  const statuses = status === 'waiting' ? WAITING_STATUSES : [status];
  const wantMailbox = !query.channel || query.channel === 'email' || query.channel === 'fax';
  const rows = wantMailbox ? await listIntakeRows(db, { channel: query.channel, statuses }) : [];
  const items: IntakeQueueItem[] = rows.map((r) => ({
    source: 'mailbox',
    id: r.id,
    channel: r.channel as IntakeChannel,
    status: r.status,
    from: r.fromName ? `${r.fromName} <${r.fromAddress ?? ''}>` : r.fromAddress,
    subject: r.subject,
    receivedAt: r.receivedAt,
    customerId: r.customerId,
    customerName: r.customerName,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    lineCount: Number(r.lineCount),
    confidence: r.confidence === null ? null : Number(r.confidence),
    link: `/intake/${r.id}`,
  }));
  if (status === 'waiting' && (!query.channel || query.channel === 'edi')) {
    for (const m of await listWaitingEdiMessages(db))
      items.push({
        source: 'edi',
        id: m.id,
        channel: 'edi',
        status: m.status,
        from: m.sender,
        subject: m.documentNumber,
        receivedAt: m.createdAt,
        customerId: m.customerId,
        customerName: m.customerName,
        orderId: m.orderId,
        orderNumber: m.orderNumber,
        lineCount: 0,
        confidence: null,
        link: '/edi',
      });
  }
  if (status === 'waiting' && (!query.channel || query.channel === 'portal')) {
    for (const o of await listWaitingPortalOrders(db))
      items.push({
        source: 'portal',
        id: o.id,
        channel: 'portal',
        status: o.status,
        from: o.customerName,
        subject: o.customerRef ?? o.number,
        receivedAt: o.createdAt,
        customerId: o.customerId,
        customerName: o.customerName,
        orderId: o.id,
        orderNumber: o.number,
        lineCount: Number(o.lineCount ?? 0),
        confidence: null,
        link: `/orders/${o.id}`,
      });
  }
  items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return { items };
}

function toDetail(row: IntakeRow): IntakeDetail {
  return {
    id: row.id,
    channel: row.channel as IntakeChannel,
    status: row.status as IntakeStatus,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    subject: row.subject,
    receivedAt: row.receivedAt,
    customerId: row.customerId,
    customerName: row.customerName,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    dismissReason: row.dismissReason as DismissReason | null,
    lineCount: Number(row.lineCount),
    confidence: row.confidence === null ? null : Number(row.confidence),
    messageId: row.messageId,
    rawDocumentId: row.rawPublicId,
    parts: row.partsJson ? (JSON.parse(row.partsJson) as IntakePart[]) : [],
    sender: row.senderJson ? (JSON.parse(row.senderJson) as SenderMatch) : NO_SENDER,
    found: row.foundJson ? (JSON.parse(row.foundJson) as FoundOrder) : EMPTY_FOUND,
  };
}

async function loadRow(db: Db, id: number): Promise<IntakeRow> {
  const row = await findIntakeRow(db, id);
  if (!row) throw notFound('Intake item', id);
  return row;
}

export async function intakeDetail(db: Db, id: number): Promise<IntakeDetail> {
  return toDetail(await loadRow(db, id));
}

/** The order the found values make: the lines with a product and a quantity, the date, the PO number. */
function orderFromFound(found: FoundOrder, customerId: number, channel: 'email' | 'fax', today: string): OrderInput | null {
  const lines = found.lines.flatMap((l) =>
    l.productId !== null && l.quantity !== null ? [{ productId: l.productId, quantity: l.quantity }] : [],
  );
  if (!lines.length) return null;
  return {
    customerId,
    channel,
    ...(found.requestedDate && found.requestedDate.value >= today ? { requestedDate: found.requestedDate.value } : {}),
    ...(found.customerRef ? { customerRef: found.customerRef.value.slice(0, 80) } : {}),
    lines,
  };
}

/**
 * Creates the item's draft order, or refreshes it while it is a draft: from what was found (read again for the
 * customer the desk chose, whose codes and corrections may read differently), or from the order the desk typed
 * beside the original (`order`).
 */
export async function draftFromIntake(
  db: Db,
  id: number,
  input: { customerId?: number; order?: OrderInput },
  actor: Actor,
  now: Date,
): Promise<IntakeDetail> {
  const row = await loadRow(db, id);
  if (row.status === 'dismissed' || row.status === 'confirmed')
    throw new AppError(
      'CONFLICT',
      `This ${row.channel} is ${row.status === 'dismissed' ? 'dismissed' : 'already confirmed'}: its draft cannot change.`,
    );
  if (row.status === 'received') throw new AppError('CONFLICT', 'This message is still being read; try again in a moment.');
  const customerId = input.order?.customerId ?? input.customerId ?? row.customerId;
  if (!customerId) throw invalid('customerId', 'required', {}, 'the sender is not a known customer: choose the customer');
  const at = now.toISOString();
  let found = row.foundJson ? (JSON.parse(row.foundJson) as FoundOrder) : EMPTY_FOUND;
  if (customerId !== row.customerId) {
    const parts = row.partsJson ? (JSON.parse(row.partsJson) as IntakePart[]) : [];
    found = await findInParts(db, parts, customerId, now);
    await updateIntakeItem(db, id, { customerId, foundJson: JSON.stringify(found), lineCount: found.lines.length, updatedAt: at });
  }
  const channel: 'email' | 'fax' = row.channel === 'fax' ? 'fax' : 'email';
  const order = input.order ? { ...input.order, channel } : orderFromFound(found, customerId, channel, parisNow(now).date);
  if (!order) throw invalid('lines', 'required', {}, 'no line with a product and a quantity was found: type them on the draft');
  let orderId = row.orderId;
  const existing = orderId ? await findOrderRow(db, orderId) : undefined;
  if (orderId && existing?.status === 'draft') await updateDraft(db, orderId, order, actor, now);
  else if (!orderId || !existing) orderId = (await saveNewOrder(db, order, actor, now)).id;
  else throw new AppError('CONFLICT', `Order ${existing.number} is ${existing.status}: its draft cannot change.`);
  await updateIntakeItem(db, id, { orderId, status: 'drafted', handledBy: actor.id, updatedAt: now.toISOString() });
  return intakeDetail(db, id);
}

/**
 * Confirms the item's draft: every rule runs (a block refuses it, as on the order screen), the acknowledgement
 * answers the sender of an email (a fax's goes as the customer takes his documents), and what the desk corrected
 * is remembered for this customer.
 */
export async function confirmIntake(db: Db, id: number, actor: Actor, now: Date): Promise<IntakeDetail> {
  const row = await loadRow(db, id);
  if (!row.orderId || row.status !== 'drafted') throw new AppError('CONFLICT', 'There is no draft to confirm: fill the draft first.');
  const detail = toDetail(row);
  const acknowledgeTo = row.channel === 'email' && row.fromAddress ? { email: row.fromAddress, name: row.fromName } : undefined;
  await confirmOrder(db, row.orderId, actor, now, { acknowledgeTo });
  const final = (await listOrderLineRows(db, row.orderId))
    .filter((l) => l.backorderOfLineId === null)
    .map((l) => ({ productId: l.productId, quantity: l.quantity }));
  const learnt = row.customerId ? learnCorrections(detail.found.lines, final) : [];
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const c of learnt)
      await saveCorrection(trx, {
        customerId: row.customerId!,
        kind: c.kind,
        readKey: c.kind === 'product' ? c.readKey : c.unit,
        productId: c.productId,
        unitFactor: c.kind === 'unit' ? c.unitFactor : null,
        createdBy: actor.id,
        createdAt: at,
      });
  });
  await updateIntakeItem(db, id, { status: 'confirmed', handledBy: actor.id, updatedAt: at });
  return intakeDetail(db, id);
}

/** "Not an order": out of the queue, kept with why. */
export async function dismissIntake(
  db: Db,
  id: number,
  input: { reason: DismissReason; note?: string },
  actor: Actor,
  now: Date,
): Promise<IntakeDetail> {
  const row = await loadRow(db, id);
  if (row.status === 'confirmed') throw new AppError('CONFLICT', 'This order is confirmed: it cannot be dismissed.');
  await updateIntakeItem(db, id, {
    status: 'dismissed',
    dismissReason: input.reason,
    dismissNote: input.note?.trim() || null,
    handledBy: actor.id,
    updatedAt: now.toISOString(),
  });
  return intakeDetail(db, id);
}
