import type { Insertable } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { DocumentsTable } from './documents.table.ts';

const SUMMARY_COLUMNS = ['id', 'kind', 'filename', 'mimeType', 'sizeBytes', 'orderId', 'createdAt'] as const;

export async function insertDocument(trx: Trx, values: Insertable<DocumentsTable>): Promise<number> {
  const row = await trx.insertInto('documents').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findDocumentRow(db: DbOrTrx, id: number) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrderDocumentRows(db: DbOrTrx, orderId: number) {
  return db.selectFrom('documents').select(SUMMARY_COLUMNS).where('orderId', '=', orderId).orderBy('id').execute();
}
