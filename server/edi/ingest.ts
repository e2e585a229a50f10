import path from 'node:path';
import type { EdiMessage, InterchangeHeader } from '../../core/edi/envelope.ts';
import { EdiSyntaxError, type EdiWarning } from '../../core/edi/errors.ts';
import { mapOrder, type EdiIssue, type MapOverrides, type MappedOrder } from '../../core/edi/eancom/map-order.ts';
import { readInventoryReport } from '../../core/edi/eancom/invrpt.ts';
import { readOrder } from '../../core/edi/eancom/orders.ts';
import { writeSegment } from '../../core/edi/writer.ts';
import type { IsoDate } from '../../core/calendar/dates.ts';
import { nowIso } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { recordStockReport } from '../customer-stock/customer-stock.service.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { AppError } from '../errors.ts';
import { confirmOrder } from '../orders/confirm-order.ts';
import { createOrder } from '../orders/save-order.ts';
import type { OrderInput } from '../orders/resolve-draft.ts';
import {
  findInterchange,
  findMessage,
  findPartnerByGln,
  insertInterchange,
  insertMessage,
  listMessageRefs,
  messageCounts,
  type PartnerRow,
  updateInterchange,
  updateMessage,
} from './edi.repository.ts';
import { EdiLookups } from './lookups.ts';
import { flushEdiOutbound } from './outbound.ts';
import { readEdiEvents } from './read-interchanges.ts';
import { storeFileFromPath } from './store-raw.ts';
import { parseStoredMessage } from './stored-message.ts';

export type Door = 'folder' | 'http' | 'cli';
export type MessageStatus = 'accepted' | 'queued' | 'rejected' | 'done';

export type MessageResult = { messageReference: string; type: string; status: MessageStatus | 'skipped'; orderId: number | null; reason: string | null };
export type InterchangeResult = {
  interchangeId: number | null;
  sender: string;
  controlReference: string;
  /** duplicate: the same sender and control reference came before; nothing was created. */
  status: 'processed' | 'partially-rejected' | 'rejected' | 'duplicate' | 'received';
  duplicateOf: number | null;
  messages: MessageResult[];
  warnings: EdiWarning[];
  error: string | null;
};

export type IngestOptions = {
  door: Door;
  filename?: string;
  /** HTTP: the partner the token authenticated; an interchange from another sender is refused. */
  partner?: PartnerRow;
  /** Called after each message is committed (progress bars, the kill test). */
  onMessage?: (result: MessageResult, byteOffset: number) => void;
};

/** What the queue and the fixes store with a message: the issues, and where each order line came from in the file. */
export type MessageIssues = {
  issues: EdiIssue[];
  lines: { lineNo: number; ediLine: number; firstSegment: number; lastSegment: number }[];
  overrides: MapOverrides;
};

const FINAL = new Set(['processed', 'partially-rejected', 'rejected']);

async function systemActor(db: Db): Promise<{ id: number }> {
  const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirst();
  if (!row) throw new AppError('UNPROCESSABLE', 'No admin user: EDI orders need a user to be recorded as their author.');
  return { id: row.id };
}

/** The message's segments as text, one a line (escaped as written), and their index range in the file. */
export function rawMessageText(message: EdiMessage): { text: string; first: number; last: number } {
  const s = message.segments;
  return { text: s.map((seg) => writeSegment([seg.tag, ...seg.elements])).join('\n'), first: s[0]?.index ?? 0, last: s.at(-1)?.index ?? 0 };
}

type Run = { db: Db; lookups: EdiLookups; actor: { id: number }; partnerCache: Map<string, PartnerRow | null> };

async function partnerFor(run: Run, gln: string): Promise<PartnerRow | null> {
  if (!run.partnerCache.has(gln)) run.partnerCache.set(gln, (await findPartnerByGln(run.db, gln)) ?? null);
  return run.partnerCache.get(gln)!;
}

function orderInputOf(mapped: MappedOrder): OrderInput {
  return {
    customerId: mapped.customerId!,
    ...(mapped.deliveryPointId === null ? {} : { deliveryPointId: mapped.deliveryPointId }),
    ...(mapped.requestedDate ? { requestedDate: mapped.requestedDate } : {}),
    ...(mapped.customerRef ? { customerRef: mapped.customerRef.slice(0, 80) } : {}),
    channel: 'edi',
    ...(mapped.note ? { note: mapped.note } : {}),
    ...(mapped.deliveryRequirement ? { deliveryRequirement: mapped.deliveryRequirement } : {}),
    lines: mapped.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      customerLineNo: l.lineNumber,
      ...(l.expectedUnitPriceCents === undefined ? {} : { expectedUnitPriceCents: l.expectedUnitPriceCents }),
    })),
  };
}

/** Above info: the order waits in the queue for a person. */
async function findingsAboveInfo(db: Db, orderId: number): Promise<string[]> {
  const rows = await db.selectFrom('orderFindings').select(['rule', 'severity', 'overriddenBy', 'lineNo']).where('orderId', '=', orderId).orderBy('id').execute();
  return rows.filter((r) => r.severity !== 'info' && r.overriddenBy === null).map((r) => `${r.rule} (${r.severity}${r.lineNo ? `, line ${r.lineNo}` : ''})`);
}

export type Outcome = { status: MessageStatus; orderId: number | null; reason: string | null; issues: MessageIssues; customerId: number | null };

/**
 * Mapping, then the normal order creation (the rules run and their findings are stored with the order), then the
 * automatic confirmation when the partner allows it and nothing above info was found. A message that cannot become
 * an order as it stands (unknown code, delivery point, no price) is queued with its issues, never dropped.
 */
export async function takeOrder(run: Run, message: EdiMessage, partner: PartnerRow | null, overrides: MapOverrides, existingOrderId: number | null = null): Promise<Outcome> {
  const order = readOrder(message);
  const partnerCustomerId = partner?.customerId ?? null;
  const buyer = order.buyer?.id ? run.lookups.customerByGln(order.buyer.id) : null;
  const customerId = buyer?.id ?? partnerCustomerId;
  if (customerId !== null) await run.lookups.prepareCustomer(customerId);
  const mapped = mapOrder(order, message, run.lookups, partnerCustomerId, overrides);
  const lines = mapped.lines.map((l, i) => ({ lineNo: i + 1, ediLine: l.lineNumber, firstSegment: l.firstSegment, lastSegment: l.lastSegment }));
  const issues: MessageIssues = { issues: mapped.issues, lines, overrides };
  if (mapped.issues.length || mapped.customerId === null) return { status: 'queued', orderId: null, reason: mapped.issues.map((i) => i.message.fr).join(' ; '), issues, customerId: mapped.customerId };
  if (!mapped.lines.length) return { status: 'rejected', orderId: null, reason: 'no line', issues, customerId: mapped.customerId };
  let orderId = existingOrderId;
  try {
    orderId ??= await createOrder(run.db, orderInputOf(mapped), run.actor);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'UNPROCESSABLE' || error.code === 'VALIDATION')) {
      const issue: EdiIssue = { kind: 'bad-quantity', message: { fr: error.message, en: error.message }, lineNumber: null, code: null, segmentIndex: message.segments[1]?.index ?? null };
      return { status: 'queued', orderId: null, reason: error.message, issues: { ...issues, issues: [issue] }, customerId: mapped.customerId };
    }
    throw error;
  }
  const open = await findingsAboveInfo(run.db, orderId);
  if (open.length === 0 && partner?.autoConfirm) {
    try {
      await confirmOrder(run.db, orderId, run.actor);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: 'queued', orderId, reason: error.message, issues, customerId: mapped.customerId };
    }
    return { status: 'accepted', orderId, reason: null, issues, customerId: mapped.customerId };
  }
  return { status: open.length ? 'queued' : 'accepted', orderId, reason: open.length ? `to look at: ${open.join(', ')}` : null, issues, customerId: mapped.customerId };
}

async function takeInventoryReport(run: Run, message: EdiMessage, partner: PartnerRow | null, documentId: number): Promise<{ status: MessageStatus; reason: string | null; customerId: number | null; write: (trx: Parameters<typeof recordStockReport>[0]) => Promise<void> }> {
  const report = readInventoryReport(message);
  const gln = report.reportingParty?.id ?? null;
  const customer = (gln ? run.lookups.customerByGln(gln) : null) ?? (partner ? { id: partner.customerId } : null);
  if (!customer) return { status: 'rejected', reason: `unknown reporting party ${gln ?? '(none)'}`, customerId: null, write: async () => {} };
  await run.lookups.prepareCustomer(customer.id);
  const points = await run.db.selectFrom('deliveryPoints').select(['id', 'gln', 'isDefault']).where('customerId', '=', customer.id).orderBy('id').execute();
  const date = (report.reportDate ?? report.documentDate) as IsoDate | null;
  if (!date) return { status: 'rejected', reason: 'no report date', customerId: customer.id, write: async () => {} };
  const byPoint = new Map<number, Map<number, number>>();
  const fallback = (points.find((p) => p.isDefault) ?? points[0])?.id;
  for (const line of report.lines) {
    const product = (line.buyerCode ? run.lookups.customerCode(customer.id, line.buyerCode) : null)?.productId ?? (line.gtin ? run.lookups.productByGtin(line.gtin)?.id : undefined);
    if (product === undefined) continue;
    for (const e of line.entries.filter((x) => x.qualifier === '145')) {
      const point = points.find((p) => p.gln && p.gln === e.location)?.id ?? fallback;
      if (point === undefined) continue;
      const m = byPoint.get(point) ?? new Map<number, number>();
      m.set(product, (m.get(product) ?? 0) + e.quantity);
      byPoint.set(point, m);
    }
  }
  return {
    status: 'done',
    reason: null,
    customerId: customer.id,
    write: async (trx) => {
      for (const [deliveryPointId, stock] of byPoint) {
        await recordStockReport(trx, { customerId: customer.id, deliveryPointId, date, source: 'edi', documentId, lines: [...stock].map(([productId, onHand]) => ({ productId, onHand })), userId: run.actor.id });
      }
    },
  };
}

/**
 * Takes in a file of one or more interchanges through any door: the raw bytes are filed first (a document), then
 * each interchange is recorded under its idempotency key (sender + control reference) before its messages are read,
 * and each message is processed and committed on its own. The same interchange again answers `duplicate` and
 * creates nothing; an interchange cut short by a crash is resumed: messages already committed are skipped.
 */
export async function ingestFile(db: Db, file: string, options: IngestOptions): Promise<InterchangeResult[]> {
  const dataDir = fileStoreOf(db);
  const stored = await storeFileFromPath(dataDir, file);
  const filename = options.filename ?? path.basename(file);
  const now = nowIso();
  const existingDoc = await db.selectFrom('documents').select('id').where('sha256', '=', stored.sha256).where('kind', '=', 'edi-interchange').executeTakeFirst();
  const documentId =
    existingDoc?.id ??
    (await db.transaction().execute((trx) => insertDocument(trx, { kind: 'edi-interchange', filename, mimeType: 'application/edifact', ...stored, orderId: null, createdBy: null, createdAt: now })));

  const run: Run = { db, lookups: await EdiLookups.load(db), actor: await systemActor(db), partnerCache: new Map() };
  const results: InterchangeResult[] = [];
  let current: { result: InterchangeResult; header: InterchangeHeader; partner: PartnerRow | null; done: Set<string>; resuming: boolean; skip: boolean } | null = null;
  const pendingWarnings: EdiWarning[] = [];

  const finish = async () => {
    if (!current || current.skip || current.result.interchangeId === null) return;
    const id = current.result.interchangeId;
    const counts = new Map((await messageCounts(db, id)).map((r) => [r.status, Number(r.n)]));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const rejected = counts.get('rejected') ?? 0;
    const status = current.result.error ? 'rejected' : rejected === 0 ? 'processed' : rejected === total ? 'rejected' : 'partially-rejected';
    current.result.status = status;
    await updateInterchange(db, id, {
      status,
      messageCount: total,
      acceptedCount: (counts.get('accepted') ?? 0) + (counts.get('done') ?? 0),
      queuedCount: counts.get('queued') ?? 0,
      rejectedCount: rejected,
      warningsJson: current.result.warnings.length ? JSON.stringify(current.result.warnings.slice(0, 200)) : null,
      error: current.result.error,
      updatedAt: nowIso(),
    });
  };

  const begin = async (header: InterchangeHeader) => {
    const sender = header.sender.id;
    const result: InterchangeResult = { interchangeId: null, sender, controlReference: header.reference, status: 'received', duplicateOf: null, messages: [], warnings: [...pendingWarnings.splice(0)], error: null };
    results.push(result);
    const partner = await partnerFor(run, sender);
    if (options.partner && options.partner.gln !== sender) {
      throw new AppError('FORBIDDEN', `This token belongs to partner ${options.partner.gln}; the interchange is sent by ${sender}.`);
    }
    const existing = await findInterchange(db, sender, header.reference);
    if (existing && FINAL.has(existing.status)) {
      result.status = 'duplicate';
      result.duplicateOf = existing.id;
      result.interchangeId = existing.id;
      current = { result, header, partner, done: new Set(), resuming: false, skip: true };
      return;
    }
    let id = existing?.id ?? null;
    if (id === null) {
      id = await insertInterchange(db, {
        partnerId: partner?.id ?? null,
        sender,
        recipient: header.recipient.id,
        controlReference: header.reference,
        receivedAt: nowIso(),
        door: options.door,
        filename,
        documentId,
        status: 'received',
        warningsJson: null,
        error: null,
        updatedAt: nowIso(),
      });
      if (id === null) {
        // Another door took the same interchange a moment ago.
        const other = await findInterchange(db, sender, header.reference);
        result.status = 'duplicate';
        result.duplicateOf = other?.id ?? null;
        current = { result, header, partner, done: new Set(), resuming: false, skip: true };
        return;
      }
    }
    result.interchangeId = id;
    current = { result, header, partner, done: existing ? await listMessageRefs(db, id) : new Set(), resuming: Boolean(existing), skip: false };
  };

  const take = async (message: EdiMessage) => {
    if (!current || current.skip) return;
    const { result, partner, done } = current;
    const ref = message.header.reference;
    const type = message.header.type;
    if (done.has(ref)) {
      const skipped: MessageResult = { messageReference: ref, type, status: 'skipped', orderId: null, reason: 'already taken in' };
      options.onMessage?.(skipped, message.header.byteOffset);
      return;
    }
    done.add(ref);
    const raw = rawMessageText(message);
    const row = { interchangeId: result.interchangeId!, messageReference: ref, type, rawText: raw.text, firstSegment: raw.first, lastSegment: raw.last, createdAt: nowIso(), updatedAt: nowIso() };
    let out: MessageResult;
    try {
      if (type === 'ORDERS') {
        // After a crash between an order's commit and its message row: the order is found, not made twice.
        let existingOrderId: number | null = null;
        if (current.resuming) {
          const order = readOrder(message);
          const ref2 = order.documentNumber ?? order.orderNumber;
          const customer = order.buyer?.id ? run.lookups.customerByGln(order.buyer.id) : null;
          const customerId = customer?.id ?? partner?.customerId ?? null;
          if (ref2 && customerId !== null) {
            const found = await db.selectFrom('orders').select('id').where('customerId', '=', customerId).where('customerRef', '=', ref2.slice(0, 80)).where('channel', '=', 'edi').executeTakeFirst();
            existingOrderId = found?.id ?? null;
          }
        }
        const outcome = await takeOrder(run, message, partner, {}, existingOrderId);
        await insertMessage(db, { ...row, status: outcome.status, orderId: outcome.orderId, customerId: outcome.customerId, documentNumber: readOrder(message).documentNumber, error: outcome.status === 'rejected' ? outcome.reason : null, issuesJson: JSON.stringify(outcome.issues) });
        out = { messageReference: ref, type, status: outcome.status, orderId: outcome.orderId, reason: outcome.reason };
      } else if (type === 'INVRPT') {
        const taken = await takeInventoryReport(run, message, partner, documentId);
        await db.transaction().execute(async (trx) => {
          await taken.write(trx);
          await insertMessage(trx, { ...row, status: taken.status, orderId: null, customerId: taken.customerId, documentNumber: null, error: taken.reason, issuesJson: null });
        });
        out = { messageReference: ref, type, status: taken.status, orderId: null, reason: taken.reason };
      } else {
        const reason = `${type} is not taken in (ORDERS and INVRPT are)`;
        await insertMessage(db, { ...row, status: 'rejected', orderId: null, customerId: null, documentNumber: null, error: reason, issuesJson: null });
        out = { messageReference: ref, type, status: 'rejected', orderId: null, reason };
      }
    } catch (error) {
      // A bad message is rejected alone, with its reason; the others go on.
      const reason = error instanceof Error ? error.message : String(error);
      await insertMessage(db, { ...row, status: 'rejected', orderId: null, customerId: null, documentNumber: null, error: reason.slice(0, 2000), issuesJson: null }).catch(() => undefined);
      out = { messageReference: ref, type, status: 'rejected', orderId: null, reason };
    }
    if (result.messages.length < 10_000) result.messages.push(out);
    options.onMessage?.(out, message.header.byteOffset);
  };

  try {
    for await (const event of readEdiEvents(file)) {
      if (event.type === 'interchange') {
        await finish();
        await begin(event.header);
      } else if (event.type === 'message') await take(event.message);
      else if (event.type === 'warning') (current ? (current as { result: InterchangeResult }).result.warnings : pendingWarnings).push(event.warning);
      else if (event.type === 'interchange-end') {
        await finish();
        current = null;
      }
    }
  } catch (error) {
    if (!(error instanceof EdiSyntaxError)) throw error;
    if (!current) throw error;
    (current as { result: InterchangeResult }).result.error = error.message;
    await finish();
    current = null;
  }
  await finish();
  await flushEdiOutbound(db);
  return results;
}

/** Runs a queued message again after a fix: mapping, order creation or its check, confirmation when clean. */
export async function retakeMessage(db: Db, messageId: number): Promise<void> {
  const row = await findMessage(db, messageId);
  if (!row) throw new AppError('NOT_FOUND', `No EDI message ${messageId}`);
  if (row.status !== 'queued') throw new AppError('CONFLICT', `EDI message ${messageId} is ${row.status}, not waiting.`);
  const interchange = await db.selectFrom('ediInterchanges').selectAll().where('id', '=', row.interchangeId).executeTakeFirstOrThrow();
  const run: Run = { db, lookups: await EdiLookups.load(db), actor: await systemActor(db), partnerCache: new Map() };
  const partner = await partnerFor(run, interchange.sender);
  const stored: MessageIssues = row.issuesJson ? JSON.parse(row.issuesJson) : { issues: [], lines: [], overrides: {} };
  const message = parseStoredMessage(row.rawText, row.firstSegment);
  const outcome = await takeOrder(run, message, partner, stored.overrides ?? {}, row.orderId);
  await updateMessage(db, messageId, { status: outcome.status, orderId: outcome.orderId, customerId: outcome.customerId, error: outcome.status === 'rejected' ? outcome.reason : null, issuesJson: JSON.stringify(outcome.issues), updatedAt: nowIso() });
  const counts = new Map((await messageCounts(db, interchange.id)).map((r) => [r.status, Number(r.n)]));
  await updateInterchange(db, interchange.id, { acceptedCount: (counts.get('accepted') ?? 0) + (counts.get('done') ?? 0), queuedCount: counts.get('queued') ?? 0, updatedAt: nowIso() });
  await flushEdiOutbound(db);
}
