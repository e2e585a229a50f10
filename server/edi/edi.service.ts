import type { EdiRefusalCode, ErrorParams } from '../../core/shared/error-codes.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EdiIssue } from '../../core/edi/eancom/map-order.ts';
import type {
  ApproveFindingFix,
  EdiQueue,
  OrderEdi,
  PriceAnswer,
  ProductCandidates,
  QueueFinding,
  QueueMessage,
} from '../../core/edi/edi.schemas.ts';
import { descriptionWords, rankCandidates } from '../../core/edi/product-candidates.ts';
import { queueAnswers, whoActs } from '../../core/edi/who-acts.ts';
import type { Role } from '../../core/auth/roles.ts';
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
import { answerCustomerPrice } from '../orders/save-order.ts';
import { ingestFile, type IngestOptions, type InterchangeResult, type MessageIssues, retakeMessage } from './ingest.ts';
import { findProduct, listProductsWithAnyWord } from '../catalog/products.repository.ts';
import { approveOrder } from '../orders/approvals.ts';
import { addToAssortment, getAssortment } from '../terms/terms.service.ts';
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

/** A finding of the queue with who must act on it and what a manager may answer (core/edi/who-acts.ts). */
function withActor(f: Omit<QueueFinding, 'actor' | 'answers'>): QueueFinding {
  return { ...f, actor: whoActs(f), answers: queueAnswers(f) };
}

/**
 * Messages waiting for a person, each with its findings located on the raw segments they come from, who must act
 * on each and what they may do. A message with nothing left to do (its order answered from the order page or the
 * approvals) goes on as its partner's setting says, and leaves the queue.
 */
export async function ediQueue(db: Db, clock: Clock): Promise<EdiQueue> {
  const rows = await listMessagesOfQueue(db, 'queued');
  const out: QueueMessage[] = [];
  for (const r of rows) {
    // An order moved on elsewhere (approved and confirmed from the order page) leaves the queue.
    if (r.orderId !== null && r.orderStatus !== null && r.orderStatus !== 'draft') {
      await updateMessage(db, r.id, { status: 'accepted', updatedAt: nowIso(clock) });
      continue;
    }
    const stored: MessageIssues = r.issuesJson ? (JSON.parse(r.issuesJson) as MessageIssues) : { issues: [], lines: [], overrides: {} };
    const findings: QueueFinding[] = stored.issues.map((i: EdiIssue) =>
      withActor({
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
        description: i.description ?? null,
      }),
    );
    if (r.orderId !== null) {
      const rules = await listOpenFindingsOfOrder(db, r.orderId);
      const lines = new Map(stored.lines.map((l) => [l.lineNo, l]));
      for (const f of rules) {
        const line = f.lineNo === null ? undefined : lines.get(f.lineNo);
        findings.push(
          withActor({
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
            description: null,
          }),
        );
      }
      if (findings.length === 0) {
        await retakeMessage(db, r.id, clock);
        if ((await findMessage(db, r.id))?.status !== 'queued') continue;
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

/** How many products a ranking of candidates reads: the first by code among those sharing a word with the line. */
const CANDIDATES_READ = 2_000;

/**
 * The products to propose first for the customer's unknown code on a waiting message: those the line's own free
 * text (IMD) names, the customer's agreed assortment first among equals (core/edi/product-candidates.ts).
 */
export async function productCandidates(db: Db, id: number, code: string): Promise<ProductCandidates> {
  const { row, stored } = await queuedMessage(db, id);
  const description = stored.issues.find((i) => i.kind === 'unknown-product' && i.code === code)?.description ?? null;
  if (row.customerId === null) return { description, items: [] };
  const assortment = await getAssortment(db, row.customerId);
  const listed = assortment.restricted ? assortment.products.map((p) => p.productId) : [];
  // Words that say something of a product: a number or a unit alone would match most of the catalogue.
  const words = descriptionWords(description ?? '').filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  if (words.length === 0 && listed.length === 0) return { description, items: [] };
  const products = await listProductsWithAnyWord(db, words, listed, CANDIDATES_READ);
  const ranked = rankCandidates(description, products, new Set(listed));
  return { description, items: ranked.map((r) => ({ id: r.product.id, code: r.product.code, name: r.product.name, listed: r.listed })) };
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
 * The desk answers the customer's price on that line (his PRI): his accepted (invoiced at it from now on) or ours
 * kept (the ORDRSP tells him), audited on the order's timeline; then the message goes on (confirmed when the partner
 * allows).
 */
export async function acceptPriceFix(
  db: Db,
  id: number,
  input: { lineNo: number; answer?: PriceAnswer },
  caller: { id: number; role: Role },
  clock: Clock,
) {
  const { row } = await queuedMessage(db, id);
  if (row.orderId === null) throw new AppError('CONFLICT', 'No order yet: fix the mapping first.');
  const line = await findOrderLineByNo(db, row.orderId, input.lineNo);
  if (!line || line.expectedUnitPriceCents === null)
    throw new AppError('UNPROCESSABLE', `No customer price on line ${input.lineNo}.`, [
      { path: 'body.lineNo', code: 'no-customer-price', params: {}, message: 'the customer sent no price on this line' },
    ]);
  await answerCustomerPrice(db, row.orderId, line.id, input.answer ?? 'theirs', caller, clock.now());
  await retakeMessage(db, id, clock);
  return messageState(db, id);
}

/**
 * The same from the order page: the customer's price answered on one line, then the order's EDI message, if it
 * waits in the queue, goes on as after a fix from the queue (out of it, confirmed when the partner allows).
 */
export async function acceptOrderLinePrice(
  db: Db,
  orderId: number,
  input: { lineId: number; answer?: PriceAnswer },
  caller: { id: number; role: Role },
  clock: Clock,
): Promise<void> {
  await answerCustomerPrice(db, orderId, input.lineId, input.answer ?? 'theirs', caller, clock.now());
  await goOnWithOrder(db, orderId, clock);
}

/**
 * After a manager's answer on the order page or in the approvals: the order's EDI message, if it waits in the
 * queue, goes on as after a fix from the queue (out of it, confirmed when the partner allows).
 */
export async function goOnWithOrder(db: Db, orderId: number, clock: Clock): Promise<void> {
  const waiting = await listQueuedMessagesOfOrder(db, orderId);
  for (const m of waiting) await retakeMessage(db, m.id, clock);
}

/**
 * A manager answers an approval finding of the message's order from the queue: approved for this order only (with
 * the reason, on the order's timeline), or — for a product outside the customer's agreed assortment — the product
 * joins the assortment (audited; the customer's next orders of it pass) and the reason goes on the order's
 * timeline. Then the message goes on: confirmed when the partner confirms on its own and nothing else holds it,
 * otherwise a draft ready to confirm, out of the queue either way.
 */
export async function approveFindingFix(db: Db, id: number, input: ApproveFindingFix, actor: { id: number }, clock: Clock) {
  const { row } = await queuedMessage(db, id);
  if (row.orderId === null || row.customerId === null) throw new AppError('CONFLICT', 'No order yet: fix the mapping first.');
  const reason = input.reason.trim();
  if (input.answer === 'add-to-listing') {
    if (input.rule !== 'not-listed')
      throw new AppError('UNPROCESSABLE', 'Only a product outside the assortment can be added to it.', [
        {
          path: 'body.answer',
          code: 'choice',
          params: { allowed: 'approve-once' },
          message: 'add-to-listing answers a not-listed finding only',
        },
      ]);
    const finding = (await listOpenFindingsOfOrder(db, row.orderId)).find((f) => f.rule === 'not-listed' && f.lineNo === input.lineNo);
    if (!finding)
      throw new AppError('UNPROCESSABLE', `No product outside the assortment waits on line ${input.lineNo ?? '(none)'}.`, [
        {
          path: 'body.lineNo',
          code: 'not-found',
          params: { entity: 'finding', id: 'not-listed' },
          message: 'no open not-listed finding on this line',
        },
      ]);
    const { productId, code } = JSON.parse(finding.dataJson) as { productId: number; code: string };
    const { customerId, orderId } = row;
    // The assortment and the order's timeline say the same thing: both written, or neither.
    await db.transaction().execute(async (trx) => {
      await addToAssortment(trx, customerId, productId, actor.id, clock.now());
      await recordAudit(trx, {
        entityType: 'order',
        entityId: orderId,
        orderId,
        action: 'list_product',
        userId: actor.id,
        after: { productId, code, lineNo: input.lineNo },
        note: reason,
        at: nowIso(clock),
      });
    });
  } else {
    await approveOrder(db, row.orderId, actor, reason, clock.now(), { rule: input.rule, lineNo: input.lineNo });
  }
  await retakeMessage(db, id, clock);
  return messageState(db, id);
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
      documentNumber: o.documentNumber,
      status: o.status,
      filename: o.filename,
      documentId: o.documentId,
      error: o.error,
      createdAt: o.createdAt,
      writtenAt: o.writtenAt,
    })),
  };
}
