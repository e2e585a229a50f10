import { randomBytes } from 'node:crypto';

/**
 * A document is named in URLs and in the API by a public id of 128 random bits (22 base64url characters), never
 * by its row number: nobody reaches a file by counting. The row number stays inside the database, for its links.
 */
export function newDocumentPublicId(): string {
  return randomBytes(16).toString('base64url');
}
