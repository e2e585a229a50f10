import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { parisNow } from '../../core/calendar/dates.ts';
import type { EdiMessage, InterchangeHeader } from '../../core/edi/envelope.ts';
import { EdiSyntaxError, type EdiWarning } from '../../core/edi/errors.ts';
import type { InterchangeResultSchema, MessageResult } from '../../core/edi/edi.schemas.ts';
import type { Static } from '@sinclair/typebox';
import { mapOrder, type EdiIssue, type MapOverrides, type MappedOrder } from '../../core/edi/eancom/map-order.ts';
import { readInventoryReport } from '../../core/edi/eancom/invrpt.ts';
import { mapStockReport } from '../../core/edi/eancom/map-stock.ts';
import { foreignParty } from '../../core/edi/eancom/partner-scope.ts';
import { refusalText } from '../../core/edi/eancom/refusal.ts';
import type { EdiReason } from '../../core/shared/error-codes.ts';
import { readOrder } from '../../core/edi/eancom/orders.ts';
import { interchangeBytes, writeInterchange, writeSegment } from '../../core/edi/writer.ts';
import { type Clock, nowIso } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { prepareReceivingAdvice } from '../controls/receiving-advice.ts';
import { recordStockReport } from '../customer-stock/customer-stock.service.ts';
import { findDocumentByContent, insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { AppError } from '../errors.ts';
import { confirmOrder, recheckDraft } from '../orders/confirm-order.ts';
import { OrderContexts } from '../orders/order-contexts.ts';
import type { OrderInput } from '../orders/resolve-draft.ts';
import { insertNewOrders, newOrder, type NewOrder } from '../orders/save-order.ts';
import {
  claimInterchange,
  findInterchange,
  findInterchangeById,
  findMessage,
  findOrderGross,
  findPartnerByGln,
  findSystemUser,
  insertInterchange,
  insertMessages,
  listDeliveryPointsForReports,
  listMessageRefs,
  listUnconfirmedOrders,
  messageCounts,
  type PartnerRow,
  releaseInterchange,
  renewClaim,
  updateInterchange,
  updateMessage,
  updateMessageOf,
} from './edi.repository.ts';
import type { EdiMessagesTable } from './edi.table.ts';
import { EdiLookups } from './lookups.ts';
import { flushEdiOutbound } from './outbound.ts';
import { readEdiEvents } from './read-interchanges.ts';
import { storeFileFromPath } from './store-raw.ts';
import { parseStoredMessage } from './stored-message.ts';

export type Door = 'folder' | 'http' | 'cli';
export type MessageStatus = 'accepted' | 'queued' | 'rejected' | 'done';

/** An interchange taken in (its schema says what each status means); its warnings as the parser found them. */
export type InterchangeResult = Static<typeof InterchangeResultSchema> & { warnings: EdiWarning[] };

export type IngestOptions = {
  door: Door;
  filename?: string;
  /**
   * The partners the door speaks for (HTTP: the token's; a folder: the partners it belongs to): an interchange
   * from another sender is refused. Whatever the door, an interchange's partner is its sender's, and its messages
   * may only name that partner's customer (mapOrder, foreignParty).
   */
  partners?: readonly PartnerRow[];
  /** Where a failure the partner is not told the details of is logged (a database's own error text). */
  log?: { error: (o: object, m: string) => void };
  /** Called after each message is committed (progress bars, the kill test). */
  onMessage?: (result: MessageResult, byteOffset: number) => void;
  /** Where the run reads the time: its orders' "today", its rows' stamps, its leases. */
  clock: Clock;
};

/** What the queue and the fixes store with a message: the issues, and where each order line came from in the file. */
export type MessageIssues = {
  issues: EdiIssue[];
  lines: { lineNo: number; ediLine: number; firstSegment: number; lastSegment: number }[];
  overrides: MapOverrides;
};

const FINAL = new Set(['processed', 'partially-rejected', 'rejected']);

/**
 * A copy of text read from the file that shares no memory with it: V8 keeps the whole 64 KB chunk a slice was cut
 * from alive as long as the slice is, and a run keeps every interchange's result (its sender, reference, warnings)
 * to the end of the file, so a 1 GB file would otherwise be held in memory whole.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Message outcomes kept in the answer, across the file's interchanges (the counts cover them all). */
const MESSAGES_KEPT = 10_000;
/** Warnings kept per interchange, in the answer and stored. */
const WARNINGS_KEPT = 200;

/** Orders written per transaction: large enough that a commit's cost is spread thin, small enough to keep memory flat. */
export const BATCH_ORDERS = 500;
/** How long a claim on an interchange holds without a batch committed: a stuck or dead run lets go after this. */
const LEASE_MS = 120_000;
/** The system user EDI orders are recorded under (created by migration 2026_11_28_0096, which app code does not import). */
const EDI_USER_EMAIL = 'edi@system.invalid';

async function ediActor(db: Db): Promise<{ id: number }> {
  const row = await findSystemUser(db, EDI_USER_EMAIL);
  if (!row) throw new AppError('UNPROCESSABLE', 'The EDI system user is missing: run the migrations (carnet migrate).');
  return { id: row.id };
}

/** The message's segments as text, one a line (escaped as written), and their index range in the file. */
export function rawMessageText(message: EdiMessage): { text: string; first: number; last: number } {
  const s = message.segments;
  return { text: s.map((seg) => writeSegment([seg.tag, ...seg.elements])).join('\n'), first: s[0]?.index ?? 0, last: s.at(-1)?.index ?? 0 };
}

/**
 * One message of an interchange as an interchange of its own, under the sender's envelope: what is filed with the
 * order it concerns (a RECADV), readable alone as every filed EDI document is, without the file's other messages.
 */
function messageAsInterchange(header: InterchangeHeader, message: EdiMessage, at: Date): Buffer {
  const { date, time } = parisNow(at);
  const text = writeInterchange(
    {
      sender: header.sender.id,
      recipient: header.recipient.id,
      reference: header.reference,
      date: header.preparedDate ?? date,
      time: header.preparedTime ?? time,
    },
    [
      {
        reference: message.header.reference,
        type: message.header.type,
        associationCode: message.header.associationCode ?? '',
        body: message.segments.slice(1, -1).map((seg) => [seg.tag, ...seg.elements]),
      },
    ],
  );
  return Buffer.from(interchangeBytes(text));
}

/**
 * What a run keeps while it takes messages in: the mapping's master data and each customer's rules context, read
 * once and checked against master-data changes once per batch, and the author of its orders.
 */
type Run = {
  db: Db;
  lookups: EdiLookups;
  contexts: OrderContexts;
  actor: { id: number };
  partnerCache: Map<string, PartnerRow | null>;
  clock: Clock;
  /** The batch's instant: its orders are checked on one clock. */ now: Date;
};

async function startRun(db: Db, clock: Clock): Promise<Run> {
  const contexts = new OrderContexts(db);
  await contexts.revalidate();
  return { db, lookups: await EdiLookups.load(db), contexts, actor: await ediActor(db), partnerCache: new Map(), clock, now: clock.now() };
}

/** Before each batch: master data changed (a price, a code mapped from the queue) → both caches are read afresh. */
async function startBatch(run: Run): Promise<void> {
  run.now = run.clock.now();
  if (await run.contexts.revalidate()) run.lookups = await EdiLookups.load(run.db);
}

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
      ...(l.unitFactor > 1 ? { customerUnitFactor: l.unitFactor } : {}),
      ...(l.expectedUnitPriceCents === undefined ? {} : { expectedUnitPriceCents: l.expectedUnitPriceCents }),
    })),
  };
}

/** What keeps an order out of automatic confirmation: the findings above info nobody answered, as the queue names them. */
function toLookAt(findings: readonly { rule: string; severity: string; lineNo: number | null; answered: boolean }[]): string | null {
  const open = findings
    .filter((f) => f.severity !== 'info' && !f.answered)
    .map((f) => `${f.rule} (${f.severity}${f.lineNo ? `, line ${f.lineNo}` : ''})`);
  return open.length ? `to look at: ${open.join(', ')}` : null;
}

export type Outcome = {
  status: MessageStatus;
  orderId: number | null;
  /** Why it was refused or waits, in English (the partner's and the command line's). */
  reason: string | null;
  /** A refusal's code and params, which the web words (null while it waits: its findings say why). */
  refusal: EdiReason | null;
  issues: MessageIssues;
  customerId: number | null;
};
/** A message made ready to write: its row's outcome and, when it becomes an order, the order's rows to create. */
type Prepared = Outcome & { order: NewOrder | null; documentNumber: string | null };

const NO_ISSUES: MessageIssues = { issues: [], lines: [], overrides: {} };

/** The columns a message's outcome fills: its reason kept only when refused, in English and coded. */
function reasonColumns(outcome: Pick<Outcome, 'status' | 'reason' | 'refusal'>) {
  const refused = outcome.status === 'rejected';
  return {
    error: refused ? (outcome.reason?.slice(0, 2000) ?? null) : null,
    reasonCode: refused ? (outcome.refusal?.code ?? null) : null,
    reasonParamsJson: refused && outcome.refusal ? JSON.stringify(outcome.refusal.params) : null,
  };
}

/** A message's answer: its reason in English, and coded when it has a code. */
const answered = (refusal: EdiReason | null) => ({ reasonCode: refusal?.code ?? null, reasonParams: refusal?.params ?? null });

/**
 * Mapping, then the order resolved, priced and checked by the rules on the customer's context (nothing is written
 * here). A message that cannot become an order as it stands (unknown code, delivery point, no price) is queued
 * with its issues, never dropped; with findings above info, the order is created and waits in the queue.
 */
async function prepareOrder(run: Run, message: EdiMessage, partner: PartnerRow | null, overrides: MapOverrides): Promise<Prepared> {
  const order = readOrder(message);
  // From a partner the customer is the partner's, whatever NAD+BY says (the mapping refuses another one).
  const buyer = !partner && order.buyer?.id ? run.lookups.customerByGln(order.buyer.id) : null;
  const customerId = partner?.customerId ?? buyer?.id ?? null;
  if (customerId !== null) await run.lookups.prepareCustomer(customerId);
  const mapped = mapOrder(order, message, run.lookups, partner, overrides);
  const lines = mapped.lines.map((l, i) => ({
    lineNo: i + 1,
    ediLine: l.lineNumber,
    firstSegment: l.firstSegment,
    lastSegment: l.lastSegment,
  }));
  const issues: MessageIssues = { issues: mapped.issues, lines, overrides };
  const none = {
    orderId: null,
    issues,
    customerId: mapped.customerId,
    order: null,
    documentNumber: order.documentNumber,
    refusal: null,
  };
  if (mapped.refusal) return { ...none, status: 'rejected', reason: refusalText(mapped.refusal), refusal: mapped.refusal.reason };
  if (mapped.issues.length || mapped.customerId === null)
    return { ...none, status: 'queued', reason: mapped.issues.map((i) => i.message.fr).join(' ; ') };
  if (!mapped.lines.length) return { ...none, status: 'rejected', reason: 'no line', refusal: { code: 'no-line', params: {} } };
  try {
    const draft = await run.contexts.resolve(orderInputOf(mapped), run.now);
    const reason = toLookAt(
      draft.rules.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        lineNo: f.lineIndex === undefined ? null : f.lineIndex + 1,
        answered: false,
      })),
    );
    return {
      ...none,
      status: reason ? 'queued' : 'accepted',
      reason,
      order: newOrder(draft, run.actor, mapped.deliveryRequirement ?? null),
    };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'UNPROCESSABLE' || error.code === 'VALIDATION')) {
      const issue: EdiIssue = {
        kind: 'bad-quantity',
        message: { fr: error.message, en: error.message },
        lineNumber: null,
        code: null,
        segmentIndex: message.segments[1]?.index ?? null,
      };
      return { ...none, status: 'queued', reason: error.message, issues: { ...issues, issues: [issue] } };
    }
    throw error;
  }
}

/** The automatic confirmation, when the partner allows it and nothing above info was found; refused, the order waits. */
async function confirmIfAllowed(run: Run, partner: PartnerRow | null, outcome: Outcome, grossCents: number): Promise<Outcome> {
  if (outcome.status !== 'accepted' || outcome.orderId === null || !partner?.autoConfirm) return outcome;
  try {
    await confirmOrder(run.db, outcome.orderId, run.actor, run.now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ...outcome, status: 'queued', reason: error.message };
  }
  if (outcome.customerId !== null) run.contexts.confirmed(outcome.customerId, grossCents);
  return outcome;
}

async function takeInventoryReport(
  run: Run,
  message: EdiMessage,
  partner: PartnerRow | null,
  documentId: number,
): Promise<{
  status: MessageStatus;
  reason: string | null;
  refusal: EdiReason | null;
  customerId: number | null;
  write: (trx: Parameters<typeof recordStockReport>[0]) => Promise<void>;
}> {
  const report = readInventoryReport(message);
  const rejected = (reason: string, refusal: EdiReason, customerId: number | null) => ({
    status: 'rejected' as const,
    reason,
    refusal,
    customerId,
    write: async () => {},
  });
  // A partner reports its own customer's stock: another customer's GLN, as reporting party or place, refuses it.
  const foreign = partner ? foreignParty(partner, run.lookups, message.segments) : null;
  if (foreign) return rejected(refusalText(foreign), foreign.reason, partner!.customerId);
  const gln = report.reportingParty?.id ?? null;
  const customer = partner ? { id: partner.customerId } : gln ? run.lookups.customerByGln(gln) : null;
  if (!customer) return rejected(`unknown reporting party ${gln ?? '(none)'}`, { code: 'unknown-reporting-party', params: { gln } }, null);
  await run.lookups.prepareCustomer(customer.id);
  const points = await listDeliveryPointsForReports(run.db, customer.id);
  const date = report.reportDate ?? report.documentDate;
  if (!date) return rejected('no report date', { code: 'no-report-date', params: {} }, customer.id);
  const fallback = (points.find((p) => p.isDefault) ?? points[0])?.id;
  const mapped = mapStockReport(
    report,
    (line) =>
      (line.buyerCode ? run.lookups.customerCode(customer.id, line.buyerCode) : null)?.productId ??
      (line.gtin ? run.lookups.productByGtin(line.gtin)?.id : undefined),
    (location) => points.find((p) => p.gln && p.gln === location)?.id ?? fallback,
  );
  if (mapped.refusal) return rejected(refusalText(mapped.refusal), mapped.refusal.reason, customer.id);
  return {
    status: 'done',
    reason: null,
    refusal: null,
    customerId: customer.id,
    write: async (trx) => {
      for (const [deliveryPointId, stock] of mapped.byPoint) {
        await recordStockReport(
          trx,
          {
            customerId: customer.id,
            deliveryPointId,
            date,
            source: 'edi',
            documentId,
            lines: [...stock].map(([productId, onHand]) => ({ productId, onHand })),
            userId: run.actor.id,
          },
          run.now,
        );
      }
    },
  };
}

/** `host:pid:random`: which run holds an interchange, and enough to tell that a process on this host is gone. */
function newClaimToken(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** The holder's token when it names a process of this host that no longer runs (killed mid-import). */
function goneHolder(claimedBy: string | null): string | null {
  const [host, pid] = claimedBy?.split(':') ?? [];
  if (host !== os.hostname() || !pid || Number(pid) === process.pid) return null;
  try {
    process.kill(Number(pid), 0);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? claimedBy : null;
  }
}

/** Another run took the interchange over (this one's lease ran out): this run stops taking it in. */
class ClaimLost extends Error {}

/** A message read and decided, waiting for its batch's commit. */
type Entry = {
  row: Insertable<EdiMessagesTable>;
  outcome: Prepared;
  result: MessageResult;
  byteOffset: number;
  partner: PartnerRow | null;
};

/**
 * Takes in a file of one or more interchanges through any door: the raw bytes are filed first (a document), then
 * each interchange is recorded under its idempotency key (sender + control reference) and claimed, so that of two
 * doors or processes given the same interchange at once only one takes it in (the other answers `in-progress`).
 * Messages are read as a stream, mapped and checked on contexts read once per customer, and written by batches:
 * each batch's orders and message rows in one transaction, so after a crash a message is either done (its row
 * exists) or not started. The same interchange again answers `duplicate` and creates nothing; one cut short is
 * resumed, its done messages skipped.
 */
export async function ingestFile(db: Db, file: string, options: IngestOptions): Promise<InterchangeResult[]> {
  const dataDir = fileStoreOf(db);
  const stored = await storeFileFromPath(dataDir, file);
  const filename = options.filename ?? path.basename(file);
  const now = nowIso(options.clock);
  const existingDoc = await findDocumentByContent(db, stored.sha256, 'edi-interchange');
  const documentId =
    existingDoc?.id ??
    (await db.transaction().execute((trx) =>
      insertDocument(trx, {
        kind: 'edi-interchange',
        filename,
        mimeType: 'application/edifact',
        ...stored,
        orderId: null,
        createdBy: null,
        createdAt: now,
      }),
    ));

  const run = await startRun(db, options.clock);
  const claimToken = newClaimToken();
  const leaseUntil = () => new Date(options.clock.now().getTime() + LEASE_MS).toISOString();
  const results: InterchangeResult[] = [];
  type Current = {
    result: InterchangeResult;
    partner: PartnerRow | null;
    done: Set<string>;
    skip: boolean;
    header: InterchangeHeader | null;
  };
  let current: Current | null = null;
  let pending: Entry[] = [];
  const pendingWarnings: EdiWarning[] = [];

  let kept = 0;
  const report = (entry: { result: MessageResult; byteOffset: number }) => {
    if (current) {
      current.result.counts[entry.result.status]++;
      if (kept < MESSAGES_KEPT) {
        current.result.messages.push(detached(entry.result));
        kept++;
      }
    }
    options.onMessage?.(entry.result, entry.byteOffset);
  };
  const claimLost = (held: Current) => {
    held.skip = true;
    held.result.status = 'in-progress';
  };

  /** One transaction: the claim renewed, the batch's orders through the writer of every new order, the message rows. */
  const writeBatch = async (interchangeId: number, entries: readonly Entry[]) => {
    await db.transaction().execute(async (trx) => {
      if (!(await renewClaim(trx, interchangeId, { by: claimToken, until: leaseUntil() }))) throw new ClaimLost();
      const withOrders = entries.filter((e) => e.outcome.order !== null);
      const created = await insertNewOrders(
        trx,
        withOrders.map((e) => e.outcome.order!),
        run.now,
      );
      withOrders.forEach((e, i) => {
        e.row.orderId = e.outcome.orderId = e.result.orderId = created[i].id;
      });
      await insertMessages(
        trx,
        entries.map((e) => e.row),
      );
    });
  };

  /** A row the database refuses must not take the batch's good messages down with it: one by one, the bad one rejected. */
  const writeOneByOne = async (interchangeId: number, batch: Entry[]) => {
    for (const entry of batch) {
      try {
        await writeBatch(interchangeId, [entry]);
      } catch (error) {
        if (error instanceof ClaimLost) throw error;
        // The database's own words stay in the log: the partner and the queue read ours.
        options.log?.error({ err: error, messageReference: entry.result.messageReference }, 'EDI message not stored');
        const reason = 'the database refused to store it: a value beyond what Carnet stores';
        const refusal: EdiReason = { code: 'not-stored', params: {} };
        entry.outcome = { ...entry.outcome, status: 'rejected', reason, refusal, orderId: null, order: null };
        entry.row = { ...entry.row, status: 'rejected', orderId: null, ...reasonColumns(entry.outcome), issuesJson: null };
        entry.result = { ...entry.result, status: 'rejected', orderId: null, reason, ...answered(refusal) };
        await writeBatch(interchangeId, [entry]);
      }
    }
  };

  const flush = async () => {
    const held = current;
    if (!held || held.skip || pending.length === 0) return;
    const id = held.result.interchangeId!;
    const batch = pending;
    pending = [];
    try {
      await writeBatch(id, batch).catch((error: unknown) => {
        if (error instanceof ClaimLost) throw error;
        return writeOneByOne(id, batch);
      });
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      return claimLost(held);
    }
    // After the commit: confirming prints and queues the acknowledgement, each order in its own transaction. A
    // crash before it leaves clean drafts that the resume confirms.
    for (const entry of batch) {
      if (entry.outcome.order) {
        const after = await confirmIfAllowed(run, entry.partner, entry.outcome, entry.outcome.order.header.grossCents);
        if (after.status !== entry.outcome.status) {
          await updateMessageOf(db, id, entry.result.messageReference, { status: after.status, updatedAt: nowIso(options.clock) });
          entry.result = { ...entry.result, status: after.status, reason: after.reason, ...answered(after.refusal) };
        }
      }
      report(entry);
    }
  };

  const finish = async () => {
    const held = current;
    if (!held || held.skip || held.result.interchangeId === null) return;
    await flush();
    if (held.skip) return;
    const id = held.result.interchangeId;
    const counts = new Map((await messageCounts(db, id)).map((r) => [r.status, Number(r.n)]));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const rejected = counts.get('rejected') ?? 0;
    const status = held.result.error ? 'rejected' : rejected === 0 ? 'processed' : rejected === total ? 'rejected' : 'partially-rejected';
    held.result.status = status;
    held.skip = true;
    await releaseInterchange(db, id, claimToken, {
      status,
      messageCount: total,
      acceptedCount: (counts.get('accepted') ?? 0) + (counts.get('done') ?? 0),
      queuedCount: counts.get('queued') ?? 0,
      rejectedCount: rejected,
      warningsJson: held.result.warnings.length ? JSON.stringify(held.result.warnings) : null,
      error: held.result.error,
      updatedAt: nowIso(options.clock),
    });
  };

  /** Not ours to take in: done before (duplicate) or being taken in by another run right now (in-progress). */
  const standAside = (result: InterchangeResult, partner: PartnerRow | null, other: { id: number; status: string } | undefined) => {
    const done = other !== undefined && FINAL.has(other.status);
    result.status = done ? 'duplicate' : 'in-progress';
    result.duplicateOf = done ? other.id : null;
    result.interchangeId = other?.id ?? null;
    current = { result, partner, done: new Set(), skip: true, header: null };
  };

  const begin = async (header: InterchangeHeader) => {
    const sender = header.sender.id;
    const counts = { accepted: 0, queued: 0, rejected: 0, done: 0, skipped: 0 };
    const result: InterchangeResult = detached({
      interchangeId: null,
      sender,
      controlReference: header.reference,
      status: 'received',
      duplicateOf: null,
      counts,
      messages: [],
      warnings: pendingWarnings.splice(0).slice(0, WARNINGS_KEPT),
      error: null,
    });
    results.push(result);
    const partner = await partnerFor(run, sender);
    if (options.partners && !options.partners.some((p) => p.gln === sender)) {
      const door = options.door === 'http' ? 'This token belongs to' : 'This folder belongs to';
      throw new AppError(
        'FORBIDDEN',
        `${door} partner ${options.partners.map((p) => p.gln).join(', ')}; the interchange is sent by ${sender}.`,
      );
    }
    let existing = await findInterchange(db, sender, header.reference);
    if (existing && FINAL.has(existing.status)) return standAside(result, partner, existing);
    let id: number | null = null;
    if (!existing) {
      id = await insertInterchange(db, {
        partnerId: partner?.id ?? null,
        sender,
        recipient: header.recipient.id,
        controlReference: header.reference,
        receivedAt: nowIso(options.clock),
        door: options.door,
        filename,
        documentId,
        status: 'received',
        warningsJson: null,
        error: null,
        updatedAt: nowIso(options.clock),
        claimedBy: claimToken,
        claimedUntil: leaseUntil(),
      });
      // Null: another door recorded the same interchange a moment ago, and holds its claim.
      if (id === null) existing = await findInterchange(db, sender, header.reference);
    }
    if (id === null) {
      if (
        !existing ||
        !(await claimInterchange(db, existing.id, {
          by: claimToken,
          until: leaseUntil(),
          now: nowIso(options.clock),
          stale: goneHolder(existing.claimedBy),
        }))
      ) {
        return standAside(result, partner, existing && (await findInterchangeById(db, existing.id)));
      }
      id = existing.id;
    }
    result.interchangeId = id;
    const resuming = existing !== undefined;
    current = { result, partner, done: resuming ? await listMessageRefs(db, id) : new Set(), skip: false, header };
    if (resuming && partner?.autoConfirm) {
      // Committed before a crash but not confirmed yet: confirmed now, or queued with the reason.
      for (const m of await listUnconfirmedOrders(db, id)) {
        const outcome = await confirmIfAllowed(
          run,
          partner,
          { status: 'accepted', orderId: m.orderId, reason: null, refusal: null, issues: NO_ISSUES, customerId: m.customerId },
          m.grossCents,
        );
        if (outcome.status !== 'accepted') await updateMessage(db, m.id, { status: outcome.status, updatedAt: nowIso(options.clock) });
      }
    }
  };

  const take = async (message: EdiMessage) => {
    const held = current;
    if (!held || held.skip) return;
    const ref = message.header.reference;
    const type = message.header.type;
    if (held.done.has(ref)) {
      held.result.counts.skipped++;
      options.onMessage?.(
        {
          messageReference: ref,
          type,
          status: 'skipped',
          orderId: null,
          reason: 'already taken in',
          ...answered({ code: 'already-taken-in', params: {} }),
        },
        message.header.byteOffset,
      );
      return;
    }
    held.done.add(ref);
    if (pending.length === 0) await startBatch(run);
    const raw = rawMessageText(message);
    const at = nowIso(options.clock);
    const entry = (outcome: Prepared, extra: { documentNumber?: string | null; issuesJson?: string | null } = {}): Entry => ({
      row: {
        interchangeId: held.result.interchangeId!,
        messageReference: ref,
        type,
        status: outcome.status,
        orderId: null,
        customerId: outcome.customerId,
        documentNumber: extra.documentNumber ?? null,
        ...reasonColumns(outcome),
        issuesJson: extra.issuesJson ?? null,
        rawText: raw.text,
        firstSegment: raw.first,
        lastSegment: raw.last,
        createdAt: at,
        updatedAt: at,
      },
      outcome,
      result: {
        messageReference: ref,
        type,
        status: outcome.status,
        orderId: null,
        reason: outcome.reason,
        ...answered(outcome.refusal),
      },
      byteOffset: message.header.byteOffset,
      partner: held.partner,
    });
    const rejected = (reason: string, refusal: EdiReason, status: MessageStatus = 'rejected'): Prepared => ({
      status,
      reason,
      refusal,
      orderId: null,
      issues: NO_ISSUES,
      customerId: null,
      order: null,
      documentNumber: null,
    });
    try {
      if (type === 'ORDERS') {
        const outcome = await prepareOrder(run, message, held.partner, {});
        pending.push(entry(outcome, { documentNumber: outcome.documentNumber, issuesJson: JSON.stringify(outcome.issues) }));
      } else if (type === 'INVRPT') {
        // Rare, and written by the customer-stock feature's own function: in a transaction of its own, after the batch.
        await flush();
        if (held.skip) return;
        const id = held.result.interchangeId!;
        const taken = await takeInventoryReport(run, message, held.partner, documentId);
        const { write: _w, ...outcome } = taken;
        const done = entry({ ...outcome, orderId: null, issues: NO_ISSUES, order: null, documentNumber: null });
        await db.transaction().execute(async (trx) => {
          if (!(await renewClaim(trx, id, { by: claimToken, until: leaseUntil() }))) throw new ClaimLost();
          await taken.write(trx);
          await insertMessages(trx, [done.row]);
        });
        report(done);
      } else if (type === 'RECADV') {
        // The customer's word on a delivery, filed on the order it answers by the controls' own function, in a
        // transaction of its own with its message row, after the batch. An unknown reference is refused, its
        // segment named; the same receipt again (another interchange) is done without filing it twice.
        await flush();
        if (held.skip) return;
        const id = held.result.interchangeId!;
        const foreign = held.partner ? foreignParty(held.partner, run.lookups, message.segments) : null;
        const prepared = foreign
          ? null
          : await prepareReceivingAdvice(db, message, messageAsInterchange(held.header!, message, run.now), {
              customerId: held.partner?.customerId ?? null,
              userId: run.actor.id,
              now: run.now,
            });
        const outcome: Prepared = prepared?.ok
          ? { ...rejected('', { code: 'not-taken-in', params: {} }, 'done'), reason: null, refusal: null }
          : foreign
            ? rejected(refusalText(foreign), foreign.reason)
            : rejected(prepared!.message, prepared!.reason);
        outcome.customerId = prepared?.ok ? prepared.customerId : (held.partner?.customerId ?? null);
        const done = entry(outcome, { documentNumber: null });
        await db.transaction().execute(async (trx) => {
          if (!(await renewClaim(trx, id, { by: claimToken, until: leaseUntil() }))) throw new ClaimLost();
          if (prepared?.ok) done.row.orderId = done.result.orderId = (await prepared.write(trx)).orderId;
          await insertMessages(trx, [done.row]);
        });
        report(done);
      } else {
        pending.push(
          entry(rejected(`${type} is not taken in (ORDERS, INVRPT and RECADV are)`, { code: 'type-not-taken', params: { type } })),
        );
      }
    } catch (error) {
      if (error instanceof ClaimLost) return claimLost(held);
      // A bad message is rejected alone, with its reason; the others go on.
      if (!(error instanceof AppError)) options.log?.error({ err: error, messageReference: ref }, 'EDI message failed');
      const reason = error instanceof AppError ? error.message : 'it could not be taken in (an internal error, logged)';
      pending.push(entry(rejected(reason, { code: 'not-taken-in', params: {} })));
    }
    if (pending.length >= BATCH_ORDERS) await flush();
  };

  try {
    for await (const event of readEdiEvents(file)) {
      if (event.type === 'interchange') {
        await finish();
        await begin(event.header);
      } else if (event.type === 'message') await take(event.message);
      else if (event.type === 'warning') {
        const warnings = current ? (current as Current).result.warnings : pendingWarnings;
        if (warnings.length < WARNINGS_KEPT) warnings.push(detached(event.warning));
      } else if (event.type === 'interchange-end') {
        await finish();
        current = null;
      }
    }
  } catch (error) {
    const held = current as Current | null;
    if (!(error instanceof EdiSyntaxError) || !held) {
      // Let go at once, so that importing again resumes without waiting for the lease to run out.
      if (held && !held.skip && held.result.interchangeId !== null)
        await releaseInterchange(db, held.result.interchangeId, claimToken, {}).catch(() => undefined);
      throw error;
    }
    // The messages read before the break are whole and kept; the interchange is rejected with the reason.
    held.result.error = detached(error.message);
    await finish();
    current = null;
  }
  await finish();
  await flushEdiOutbound(db, options.clock);
  return results;
}

/** Runs a queued message again after a fix: mapping, order creation or its check, confirmation when clean. */
export async function retakeMessage(db: Db, messageId: number, clock: Clock): Promise<void> {
  const row = await findMessage(db, messageId);
  if (!row) throw new AppError('NOT_FOUND', `No EDI message ${messageId}`);
  if (row.status !== 'queued') throw new AppError('CONFLICT', `EDI message ${messageId} is ${row.status}, not waiting.`);
  const interchange = (await findInterchangeById(db, row.interchangeId))!;
  const run = await startRun(db, clock);
  const partner = await partnerFor(run, interchange.sender);
  const stored: MessageIssues = row.issuesJson ? (JSON.parse(row.issuesJson) as MessageIssues) : NO_ISSUES;
  let outcome: Outcome;
  let grossCents: number;
  if (row.orderId !== null) {
    // The order exists (a price answered, a finding approved, a product listed): its rules run again, the managers'
    // answers kept, and what still holds it back is what they find.
    const [order, findings] = await Promise.all([findOrderGross(db, row.orderId), recheckDraft(db, row.orderId, run.now)]);
    const reason = toLookAt(findings.map((f) => ({ ...f, answered: f.resolution !== null })));
    const status = reason ? 'queued' : 'accepted';
    outcome = { status, orderId: row.orderId, reason, refusal: null, issues: stored, customerId: row.customerId };
    grossCents = order.grossCents;
  } else {
    const prepared = await prepareOrder(run, parseStoredMessage(row.rawText, row.firstSegment), partner, stored.overrides ?? {});
    const { order, documentNumber: _n, ...rest } = prepared;
    outcome = rest;
    grossCents = order?.header.grossCents ?? 0;
    if (order) {
      // The order and its message's new state in one transaction: a crash leaves the message queued, not orphaned.
      outcome.orderId = await db.transaction().execute(async (trx) => {
        const [created] = await insertNewOrders(trx, [order], run.now);
        await updateMessage(trx, messageId, { orderId: created.id, updatedAt: nowIso(run.clock) });
        return created.id;
      });
    }
  }
  outcome = await confirmIfAllowed(run, partner, outcome, grossCents);
  await updateMessage(db, messageId, {
    status: outcome.status,
    orderId: outcome.orderId,
    customerId: outcome.customerId,
    ...reasonColumns(outcome),
    issuesJson: JSON.stringify(outcome.issues),
    updatedAt: nowIso(run.clock),
  });
  const counts = new Map((await messageCounts(db, interchange.id)).map((r) => [r.status, Number(r.n)]));
  await updateInterchange(db, interchange.id, {
    acceptedCount: (counts.get('accepted') ?? 0) + (counts.get('done') ?? 0),
    queuedCount: counts.get('queued') ?? 0,
    updatedAt: nowIso(run.clock),
  });
  await flushEdiOutbound(db, run.clock);
}
