import { findOrder, type IntakeCatalogue, type IntakeCorrection } from '../../core/intake/find-order.ts';
import type { IntakePart } from '../../core/intake/intake.schemas.ts';
import { matchSender } from '../../core/intake/sender.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import type { SaleUnit } from '../../core/catalog/product-enums.ts';
import type { ReadUnit } from '../../core/intake/intake-enums.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { findDocumentPublicId, insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import {
  findDocumentSha,
  listCorrectionRows,
  listCustomerCodeRows,
  listIntakeProducts,
  listUnreadIds,
  productOrderCounts,
  senderDirectory,
  updateIntakeItem,
} from './intake.repository.ts';
import { readMessage, type ReadPart } from './read-message.ts';
import { rawMessage } from './take-message.ts';

export const ATTACHMENT_KIND = 'intake-attachment';

/** What the finder needs for one customer: the catalogue, his codes, his corrections, his habits. */
export async function catalogueFor(db: DbOrTrx, customerId: number | null): Promise<IntakeCatalogue> {
  const [products, codes, corrections, counts] = await Promise.all([
    listIntakeProducts(db),
    customerId ? listCustomerCodeRows(db, customerId) : Promise.resolve([]),
    customerId ? listCorrectionRows(db, customerId) : Promise.resolve([]),
    productOrderCounts(db, customerId),
  ]);
  const usual = new Map<number, number>();
  const allMax = Math.max(1, ...counts.all.map((c) => Number(c.n)));
  // His own habits weigh most; the whole desk's settle a tie for a customer new to a product.
  for (const c of counts.all) usual.set(c.productId, (0.3 * Number(c.n)) / allMax);
  for (const c of counts.own) usual.set(c.productId, (usual.get(c.productId) ?? 0) + Number(c.n));
  return {
    products: products.map((p) => ({ ...p, saleUnit: p.saleUnit as SaleUnit })),
    customerCodes: codes,
    corrections: corrections.map((c): IntakeCorrection =>
      c.kind === 'unit'
        ? { kind: 'unit', productId: c.productId, unit: c.readKey as ReadUnit, unitFactor: c.unitFactor ?? 1 }
        : { kind: 'product', readKey: c.readKey, productId: c.productId },
    ),
    usual,
  };
}

/** What is found in parts for a customer: the finder over the text parts (OCR'd ones less sure). */
export async function findInParts(db: DbOrTrx, parts: readonly Pick<IntakePart, 'kind' | 'text'>[], customerId: number | null, now: Date) {
  const catalogue = await catalogueFor(db, customerId);
  return findOrder(
    parts.map((p) => ({ text: p.text, ocr: p.kind === 'image' })),
    catalogue,
    parisNow(now).date,
  );
}

/**
 * Reads one stored message: its parts (body, PDF text, OCR), filed attachments, the sender matched to a customer
 * and what it asks for. The item becomes `new`, waiting for the desk. A message that cannot be read keeps its
 * error and waits too, with its original.
 */
export async function readItem(db: Db, id: number, documentId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  let message;
  try {
    message = await readMessage(await rawMessage(db, await findDocumentSha(db, documentId)));
  } catch (error) {
    await updateIntakeItem(db, id, { status: 'new', readError: String((error as Error).message ?? error).slice(0, 500), updatedAt: at });
    return;
  }
  const parts: IntakePart[] = [];
  for (const part of message.parts) parts.push(await filePart(db, part, at));
  const directory = await senderDirectory(db);
  const sender = matchSender(message.fromAddress, parts.map((p) => p.text).join('\n'), directory);
  const found = await findInParts(db, parts, sender.customerId, now);
  const confidence = found.lines.length ? Math.min(...found.lines.map((l) => l.confidence)) : null;
  await updateIntakeItem(db, id, {
    status: 'new',
    channel: message.channel,
    customerId: sender.customerId,
    senderJson: JSON.stringify(sender),
    partsJson: JSON.stringify(parts),
    foundJson: JSON.stringify(found),
    lineCount: found.lines.length,
    confidence,
    readError: null,
    updatedAt: at,
  });
}

async function filePart(db: Db, part: ReadPart, at: string): Promise<IntakePart> {
  let documentId: string | null = null;
  if (part.bytes) {
    const stored = await storeFile(fileStoreOf(db), part.bytes);
    const rowId = await db.transaction().execute((trx) =>
      insertDocument(trx, {
        kind: ATTACHMENT_KIND,
        filename: part.filename ?? 'piece-jointe',
        mimeType: part.mimeType,
        ...stored,
        orderId: null,
        createdBy: null,
        createdAt: at,
      }),
    );
    documentId = await findDocumentPublicId(db, rowId);
  }
  return {
    kind: part.kind,
    filename: part.filename,
    mimeType: part.mimeType,
    documentId,
    text: part.text,
    ocrConfidence: part.ocrConfidence,
  };
}

/** Reads every message stored and not read yet. */
export async function readPendingItems(db: Db, now: Date, limit = 50): Promise<number> {
  const pending = await listUnreadIds(db, limit);
  for (const p of pending) await readItem(db, p.id, p.documentId, now);
  return pending.length;
}
