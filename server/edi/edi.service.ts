import type { EdiRefusalCode, ErrorParams } from '../../core/shared/error-codes.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EdiIssue } from '../../core/edi/eancom/map-order.ts';
import type { EdiQueue, OrderEdi, QueueFinding, QueueMessage } from '../../core/edi/edi.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { type Clock, nowIso } from '../clock.ts';
import { assertGlnsFree } from '../customers/gln.ts';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { INT32_MAX } from '../../core/shared/schemas.ts';
import {
  countQueued,
  findCustomerForPartner,
  findMessage,
  findOrderLineByNo,
  findOrderMessages,
  findPartner,
  findPartnerByGln,
  insertPartner,
  listDeliveryPointChoices,
  listOpenFindingsOfOrder,
  listOrderOutbound,
  listPartners,
  listMessagesOfQueue,
  listQueuedMessagesOfOrder,
  type PartnerRow,
  setPartnerToken,
  updateMessage,
} from './edi.repository.ts';
import { acceptCustomerPrice } from '../orders/save-order.ts';
import { ingestFile, type IngestOptions, type InterchangeResult, type MessageIssues, retakeMessage } from './ingest.ts';
import { findProduct } from '../catalog/products.repository.ts';
import { findDeliveryPoint } from '../customers/customers.repository.ts';
import { upsertProductCode } from '../customers/product-codes.repository.ts';

export function partnerView(p: PartnerRow) {
  return {
    id: p.id,
    customerId: p.customerId,
    gln: p.gln,
    name: p.name,
    autoConfirm: p.autoConfirm === 1,
    inboxFolder: p.inboxFolder,
    outboxFolder: p.outboxFolder,
    active: p.active === 1,
    hasToken: p.tokenHash !== null,
    createdAt: p.createdAt,
  };
}

/** `edi_<partner id>_<secret>`: the id finds the partner, the argon2id hash checks the secret. */
async function newToken(id: number): Promise<{ token: string; hash: string }> {
  const token = `edi_${id}_${randomBytes(24).toString('base64url')}`;
  return { token, hash: await hashPassword(token) };
}

export async function listEdiPartners(db: Db) {
  return (await listPartners(db)).map(partnerView);
}

export type PartnerInput = { customerId: number; gln?: string; name?: string; autoConfirm?: boolean; folder?: string };

/** A partner for a customer (its GLN unless another is given); the API token is in the answer, and only there. */
export async function createEdiPartner(
  db: Db,
  input: PartnerInput,
  now: Date,
): Promise<{ partner: ReturnType<typeof partnerView>; token: string }> {
  const customer = await findCustomerForPartner(db, input.customerId);
  if (!customer)
    throw new AppError('UNPROCESSABLE', `No customer ${input.customerId}`, [
      { path: 'body.customerId', code: 'not-found', params: { entity: 'customer', id: input.customerId }, message: 'no such customer' },
    ]);
  const gln = input.gln ?? customer.gln;
  if (!gln)
    throw new AppError('UNPROCESSABLE', `Customer ${customer.code} has no GLN: give one.`, [
      { path: 'body.gln', code: 'required', params: {}, message: 'required: the customer has no GLN' },
    ]);
  const taken = await findPartnerByGln(db, gln);
  if (taken)
    throw new AppError('CONFLICT', `GLN ${gln} is already partner ${taken.id}.`, [
      { path: 'body.gln', code: 'taken', params: { value: gln }, message: 'already a partner' },
    ]);
  // A partner sends as a GLN of its own customer, or one nobody holds: never as another customer's (core/customers/gln.ts).
  await assertGlnsFree(db, [{ path: 'body.gln', gln, taker: { kind: 'edi-partner', customerId: customer.id } }]);
  const folder = input.folder ?? customer.code.toLowerCase();
  return db.transaction().execute(async (trx) => {
    const id = await insertPartner(trx, {
      customerId: customer.id,
      gln,
      name: input.name ?? customer.name,
      tokenHash: null,
      autoConfirm: input.autoConfirm ? 1 : 0,
      inboxFolder: folder,
      outboxFolder: folder,
      active: 1,
      createdAt: now.toISOString(),
    });
    const { token, hash } = await newToken(id);
    await setPartnerToken(trx, id, hash);
    return { partner: partnerView((await findPartner(trx, id))!), token };
  });
}

export async function rotateEdiToken(db: Db, id: number): Promise<{ token: string }> {
  const partner = await findPartner(db, id);
  if (!partner) throw notFound('EDI partner', id);
  const { token, hash } = await newToken(id);
  await setPartnerToken(db, id, hash);
  return { token };
}

/** The partner a bearer token belongs to, or 401. */
export async function authenticatePartner(db: Db, authorization: string | undefined): Promise<PartnerRow> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const id = Number(token?.match(/^edi_([1-9]\d{0,9})_/)?.[1]);
  const partner = id <= INT32_MAX ? await findPartner(db, id) : undefined;
  if (!token || !partner || !partner.tokenHash || !partner.active || !(await verifyPassword(partner.tokenHash, token))) {
    throw new AppError('UNAUTHENTICATED', 'A valid partner token is required: Authorization: Bearer <token>.');
  }
  return partner;
}

/** The HTTP door: the body is written aside, then taken in like any file. */
export async function ingestBody(
  db: Db,
  partner: PartnerRow,
  body: Buffer,
  clock: Clock,
  log?: IngestOptions['log'],
): Promise<InterchangeResult[]> {
  const tmp = path.join(os.tmpdir(), `carnet-edi-${randomBytes(6).toString('hex')}.edi`);
  await fs.promises.writeFile(tmp, body);
  try {
    return await ingestFile(db, tmp, { door: 'http', partners: [partner], filename: `http-${partner.gln}.edi`, log, clock });
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/** Messages waiting for a person, each with its findings located on the raw segments they come from. */
export async function ediQueue(db: Db, now: Date): Promise<EdiQueue> {
  const rows = await listMessagesOfQueue(db, 'queued');
  const out: QueueMessage[] = [];
  for (const r of rows) {
    // An order moved on elsewhere (approved and confirmed from the order page) leaves the queue.
    if (r.orderId !== null && r.orderStatus !== null && r.orderStatus !== 'draft') {
      await updateMessage(db, r.id, { status: 'accepted', updatedAt: now.toISOString() });
      continue;
    }
    const stored: MessageIssues = r.issuesJson ? (JSON.parse(r.issuesJson) as MessageIssues) : { issues: [], lines: [], overrides: {} };
    const findings: QueueFinding[] = stored.issues.map((i: EdiIssue) => ({
      source: 'mapping',
      kind: i.kind,
      severity: 'block',
      message: i.message,
      lineNo: null,
      ediLine: i.lineNumber,
      code: i.code,
      segmentIndex: i.segmentIndex,
      firstSegment: i.segmentIndex,
      lastSegment: i.segmentIndex,
      data: null,
    }));
    if (r.orderId !== null) {
      const rules = await listOpenFindingsOfOrder(db, r.orderId);
      const lines = new Map(stored.lines.map((l) => [l.lineNo, l]));
      for (const f of rules) {
        const line = f.lineNo === null ? undefined : lines.get(f.lineNo);
        findings.push({
          source: 'rules',
          kind: f.rule,
          severity: f.severity,
          message: { fr: f.messageFr, en: f.messageEn },
          lineNo: f.lineNo,
          ediLine: line?.ediLine ?? null,
          code: null,
          segmentIndex: line?.firstSegment ?? null,
          firstSegment: line?.firstSegment ?? null,
          lastSegment: line?.lastSegment ?? null,
          data: JSON.parse(f.dataJson),
        });
      }
    }
    const points = r.customerId === null ? [] : await listDeliveryPointChoices(db, r.customerId);
    out.push({ ...queueMessage(r), findings, deliveryPoints: points });
  }
  const refused = await listMessagesOfQueue(db, 'rejected', REFUSED_SHOWN);
  return {
    items: out,
    total: out.length,
    refused: refused.map((r) => ({ ...queueMessage(r), findings: [], deliveryPoints: [] })),
  };
}

/** The last refused messages the queue shows, for the desk to tell the partner (nothing to fix here). */
const REFUSED_SHOWN = 20;

/** A message of the queue as the web reads it, its findings and delivery points aside. */
function queueMessage(r: Awaited<ReturnType<typeof listMessagesOfQueue>>[number]) {
  return {
    id: r.id,
    interchangeId: r.interchangeId,
    sender: r.sender,
    controlReference: r.controlReference,
    receivedAt: r.receivedAt,
    rawDocumentId: r.documentId,
    messageReference: r.messageReference,
    type: r.type,
    documentNumber: r.documentNumber,
    customer: r.customerId === null ? null : { id: r.customerId, code: r.customerCode, name: r.customerName },
    order: r.orderId === null ? null : { id: r.orderId, number: r.orderNumber, status: r.orderStatus },
    ...reasonOf(r),
    segments: r.rawText.split('\n').map((text, i) => ({ index: r.firstSegment + i, text })),
  };
}

export const ediQueueCount = (db: Db) => countQueued(db);

async function queuedMessage(db: Db, id: number) {
  const row = await findMessage(db, id);
  if (!row) throw notFound('EDI message', id);
  if (row.status !== 'queued') throw new AppError('CONFLICT', `EDI message ${id} is ${row.status}, not waiting.`);
  const stored: MessageIssues = row.issuesJson ? (JSON.parse(row.issuesJson) as MessageIssues) : { issues: [], lines: [], overrides: {} };
  return { row, stored };
}

/** Map the customer's code to one of our products (remembered: the next message with it goes through), then go on. */
export async function mapProductFix(
  db: Db,
  id: number,
  input: { code: string; productId: number; unitFactor?: number },
  actor: { id: number },
  clock: Clock,
) {
  const { row } = await queuedMessage(db, id);
  if (row.customerId === null) throw new AppError('UNPROCESSABLE', 'The customer of this message is not known yet.');
  const product = await findProduct(db, input.productId);
  if (!product)
    throw new AppError('UNPROCESSABLE', `No product ${input.productId}`, [
      { path: 'body.productId', code: 'not-found', params: { entity: 'product', id: input.productId }, message: 'no such product' },
    ]);
  const customerId = row.customerId;
  // Audited like any code mapping: an EDI run under way sees the change and maps its next batches with it.
  await db.transaction().execute(async (trx) => {
    const values = { productId: input.productId, unitFactor: input.unitFactor ?? 1 };
    const saved = { id: await upsertProductCode(trx, { customerId, code: input.code, ...values }) };
    await recordAudit(trx, {
      entityType: 'customer_product_code',
      entityId: saved.id,
      action: 'map-from-edi',
      userId: actor.id,
      after: { customerId, code: input.code, ...values },
      at: nowIso(clock),
    });
  });
  await retakeMessage(db, id, clock);
  return messageState(db, id);
}

export async function chooseDeliveryPointFix(db: Db, id: number, input: { deliveryPointId: number }, clock: Clock) {
  const { row, stored } = await queuedMessage(db, id);
  const point = await findDeliveryPoint(db, input.deliveryPointId);
  if (!point || point.customerId !== row.customerId)
    throw new AppError('UNPROCESSABLE', `Delivery point ${input.deliveryPointId} is not this customer's.`, [
      {
        path: 'body.deliveryPointId',
        code: 'not-found',
        params: { entity: 'delivery-point', id: input.deliveryPointId },
        message: "not one of the customer's delivery points",
      },
    ]);
  if (row.orderId !== null) throw new AppError('CONFLICT', 'The order exists: change its delivery point from the order.');
  await updateMessage(db, id, { issuesJson: JSON.stringify({ ...stored, overrides: { ...stored.overrides, deliveryPointId: point.id } }) });
  await retakeMessage(db, id, clock);
  return messageState(db, id);
}

/**
 * The desk accepts the customer's price on that line (his PRI): the line is invoiced at it from now on, audited on
 * the order's timeline, and the ORDRSP confirms it; then the message goes on (confirmed when the partner allows).
 */
export async function acceptPriceFix(db: Db, id: number, input: { lineNo: number }, actor: { id: number }, clock: Clock) {
  const { row } = await queuedMessage(db, id);
  if (row.orderId === null) throw new AppError('CONFLICT', 'No order yet: fix the mapping first.');
  const line = await findOrderLineByNo(db, row.orderId, input.lineNo);
  if (!line || line.expectedUnitPriceCents === null)
    throw new AppError('UNPROCESSABLE', `No customer price on line ${input.lineNo}.`, [
      { path: 'body.lineNo', code: 'no-customer-price', params: {}, message: 'the customer sent no price on this line' },
    ]);
  await acceptCustomerPrice(db, row.orderId, line.id, actor, clock.now());
  await retakeMessage(db, id, clock);
  return messageState(db, id);
}

/**
 * The same from the order page: the customer's price accepted on one line, then the order's EDI message, if it
 * waits in the queue, goes on as after a fix from the queue (out of it, confirmed when the partner allows).
 */
export async function acceptOrderLinePrice(db: Db, orderId: number, lineId: number, actor: { id: number }, clock: Clock): Promise<void> {
  await acceptCustomerPrice(db, orderId, lineId, actor, clock.now());
  const waiting = await listQueuedMessagesOfOrder(db, orderId);
  for (const m of waiting) await retakeMessage(db, m.id, clock);
}

async function messageState(db: Db, id: number) {
  const row = (await findMessage(db, id))!;
  return { id, status: row.status, orderId: row.orderId, ...reasonOf(row) };
}

/** A stored message's reason: the English text, and its code and params when it was refused since codes exist. */
function reasonOf(row: { error: string | null; reasonCode: string | null; reasonParamsJson: string | null }) {
  return {
    reason: row.error,
    reasonCode: row.reasonCode as EdiRefusalCode | null,
    reasonParams: row.reasonParamsJson === null ? null : (JSON.parse(row.reasonParamsJson) as ErrorParams),
  };
}

/** The EDI messages of an order: the one it came in as, and what we sent back, each with its raw document. */
export async function orderEdi(db: Db, orderId: number): Promise<OrderEdi> {
  const [inbound, outbound] = await Promise.all([findOrderMessages(db, orderId), listOrderOutbound(db, orderId)]);
  return {
    inbound: inbound.map((m) => ({
      id: m.id,
      type: m.type,
      messageReference: m.messageReference,
      controlReference: m.controlReference,
      sender: m.sender,
      door: m.door,
      status: m.status,
      documentNumber: m.documentNumber,
      receivedAt: m.createdAt,
      documentId: m.documentId,
      raw: m.rawText,
    })),
    outbound: outbound.map((o) => ({
      id: o.id,
      type: o.type,
      controlReference: o.controlReference,
      status: o.status,
      filename: o.filename,
      documentId: o.documentId,
      error: o.error,
      createdAt: o.createdAt,
      writtenAt: o.writtenAt,
    })),
  };
}
