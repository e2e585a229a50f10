import type { FiledReceivingAdvice } from '../../core/controls/controls.schemas.ts';
import { type EdiReceivingAdvice, readReceivingAdvice } from '../../core/edi/eancom/recadv.ts';
import type { EdiMessage } from '../../core/edi/envelope.ts';
import { parseEdi } from '../../core/edi/parse.ts';
import { qualifier } from '../../core/edi/segment.ts';
import type { EdiReason } from '../../core/shared/error-codes.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import { findDocumentPublicId, insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import { AppError } from '../errors.ts';
import { conflict } from '../http/field-errors.ts';
import * as repo from './controls.repository.ts';

export type Filed = FiledReceivingAdvice & { alreadyFiled: boolean };

/**
 * A receiving advice ready to file on the order it answers (`write`, in the caller's transaction), or why it
 * cannot be: the reference segment (RFF+AAK our delivery note, else RFF+ON the order), its position in the file
 * and the value that names no order we shipped. Both doors use it: the controls' upload and the EDI doors.
 */
export type PreparedAdvice =
  | { ok: true; orderId: number; customerId: number; write: (trx: Trx) => Promise<Filed> }
  | { ok: false; shipped: boolean; reason: EdiReason; message: string };

/** The segment a reference was read from, for the refusal to point at. */
function referenceSegment(message: EdiMessage, advice: EdiReceivingAdvice) {
  const tag = advice.despatchNumber ? 'AAK' : 'ON';
  const segment = message.segments.find((s) => s.tag === 'RFF' && qualifier(s) === tag);
  return {
    segment: segment?.index ?? message.header.segmentIndex,
    tag: segment ? `RFF+${tag}` : 'RFF',
    found: advice.despatchNumber ?? advice.orderNumber ?? '',
  };
}

/** The file name a receipt is filed under: the order and the customer's receipt number, what a re-sent one repeats. */
const filenameOf = (orderNumber: string, advice: EdiReceivingAdvice) =>
  `RECADV_${orderNumber}_${advice.documentNumber ?? advice.messageReference}.edi`.replace(/[^\w.-]+/g, '_');

/**
 * Finds the order a RECADV answers, by our delivery note number or the order's (or his PO's) number, within the
 * partner's customer when it comes from a partner. Once filed, the same receipt (same order and receipt number)
 * sent again is found, not filed twice.
 */
export async function prepareReceivingAdvice(
  db: DbOrTrx,
  message: EdiMessage,
  bytes: Buffer,
  scope: { customerId: number | null; userId: number; now: Date },
): Promise<PreparedAdvice> {
  const advice = readReceivingAdvice(message);
  const found = await repo.findOrderForReceipt(db, advice);
  const order = found && (scope.customerId === null || found.customerId === scope.customerId) ? found : undefined;
  const ref = referenceSegment(message, advice);
  if (!order)
    return {
      ok: false,
      shipped: false,
      reason: { code: 'receipt-order-unknown', params: ref },
      message: `no delivery note or order ${ref.found || '(none)'} (${ref.tag}, segment ${ref.segment})`,
    };
  if (!(repo.CONTROLLED_STATUSES as readonly string[]).includes(order.status) && order.status !== 'shipped')
    return {
      ok: false,
      shipped: true,
      reason: { code: 'receipt-not-shipped', params: { ...ref, order: order.number } },
      message: `order ${order.number} has not shipped: nothing can have been received (${ref.tag}, segment ${ref.segment})`,
    };
  const filename = filenameOf(order.number, advice);
  const answer = async (db: DbOrTrx, documentId: number, alreadyFiled: boolean): Promise<Filed> => ({
    orderId: order.id,
    orderNumber: order.number,
    documentId: await findDocumentPublicId(db, documentId),
    receiptNumber: advice.documentNumber,
    alreadyFiled,
  });
  return {
    ok: true,
    orderId: order.id,
    customerId: order.customerId,
    write: async (trx) => {
      const earlier = await repo.findReceiptFile(trx, order.id, filename);
      if (earlier) return answer(trx, earlier.id, true);
      const at = scope.now.toISOString();
      const documentId = await insertDocument(trx, {
        kind: 'edi-recadv',
        filename,
        mimeType: 'application/edifact',
        ...(await storeFile(fileStoreOf(trx), bytes)),
        orderId: order.id,
        createdBy: scope.userId,
        createdAt: at,
      });
      await recordAudit(trx, {
        entityType: 'order',
        entityId: order.id,
        orderId: order.id,
        action: 'receiving_advice',
        userId: scope.userId,
        after: { documentNumber: advice.documentNumber, receiptDate: advice.receiptDate, lines: advice.lines.length },
        at,
      });
      return answer(trx, documentId, false);
    },
  };
}

const invalid = (message: string, code: 'pattern' | 'not-found', params: EdiReason['params'] = {}) =>
  new AppError('VALIDATION', message, [{ path: 'body.text', code, params, message }]);

/**
 * Files a customer's receiving advice uploaded on the controls screen (an interchange holding a RECADV) on the
 * order it answers: from then on the controls hold the invoice against what he says he received.
 */
export async function fileReceivingAdvice(db: Db, text: string, userId: number, now: Date): Promise<Filed> {
  const parsed = parseEdi(text);
  if (!parsed.ok) throw invalid(parsed.error.message, 'pattern');
  const message = parsed.interchanges.flatMap((i) => i.messages).find((m) => m.header.type === 'RECADV');
  if (!message) throw invalid('no RECADV message in this interchange', 'pattern');
  const prepared = await prepareReceivingAdvice(db, message, Buffer.from(text, 'utf8'), { customerId: null, userId, now });
  if (!prepared.ok) {
    const { found } = prepared.reason.params;
    if (prepared.shipped) throw conflict('body.text', String(found), prepared.message);
    throw invalid(prepared.message, 'not-found', { entity: 'order', id: found });
  }
  return db.transaction().execute(prepared.write);
}
