import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../db/database.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, filePath, storeFile } from '../documents/file-store.ts';
import { findTakenMessage, insertIntakeItem } from './intake.repository.ts';
import { readHeaders } from './read-message.ts';

export const RAW_MESSAGE_KIND = 'intake-message';

/** Where a message was taken from: a mailbox (IMAP, with the folder's UIDVALIDITY and the message's UID) or a folder. */
export type MessagePlace = { mailbox: string; uidValidity: string | null; uid: number | null };

/**
 * Takes a message in, once: stored raw in the file store first, then its row (status `received`) in one
 * transaction with its document. The message-id is the key (a message without one is keyed by its bytes' hash);
 * a message already taken — by id or by its place — is answered `duplicate` and nothing is written. Reading it
 * (text, OCR, what it asks for) comes after, so a crash leaves it stored and to be read, never lost or doubled.
 */
export async function takeMessage(db: Db, raw: Buffer, place: MessagePlace, now: Date): Promise<{ id: number; duplicate: boolean }> {
  const headers = await readHeaders(raw);
  const messageId = headers.messageId ?? `<sha256:${createHash('sha256').update(raw).digest('hex')}@carnet>`;
  const taken = await findTakenMessage(db, messageId, place);
  if (taken) return { id: taken.id, duplicate: true };
  const stored = await storeFile(fileStoreOf(db), raw);
  const at = now.toISOString();
  try {
    const id = await db.transaction().execute(async (trx) => {
      const documentId = await insertDocument(trx, {
        kind: RAW_MESSAGE_KIND,
        filename: `${(headers.subject ?? 'message').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 80) || 'message'}.eml`,
        mimeType: 'message/rfc822',
        ...stored,
        orderId: null,
        createdBy: null,
        createdAt: at,
      });
      return insertIntakeItem(trx, {
        messageId,
        mailbox: place.mailbox,
        uidValidity: place.uidValidity,
        uid: place.uid,
        channel: 'email',
        status: 'received',
        documentId,
        fromAddress: headers.fromAddress,
        fromName: headers.fromName,
        subject: headers.subject,
        receivedAt: (headers.sentAt && !Number.isNaN(headers.sentAt.getTime()) ? headers.sentAt : now).toISOString(),
        customerId: null,
        senderJson: null,
        partsJson: null,
        foundJson: null,
        confidence: null,
        orderId: null,
        dismissReason: null,
        dismissNote: null,
        readError: null,
        handledBy: null,
        createdAt: at,
        updatedAt: at,
      });
    });
    return { id, duplicate: false };
  } catch (error) {
    // Two doors taking the same message at once: the unique keys let one in; the other is a duplicate.
    const again = await findTakenMessage(db, messageId, place);
    if (again) return { id: again.id, duplicate: true };
    throw error;
  }
}

/** The raw bytes of a stored message. */
export async function rawMessage(db: Db, sha256: string): Promise<Buffer> {
  return fs.promises.readFile(filePath(fileStoreOf(db), sha256));
}
