import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { ComplaintPhotosTable } from './complaints.table.ts';

export async function insertComplaintPhoto(db: DbOrTrx, values: Insertable<ComplaintPhotosTable>): Promise<void> {
  await db.insertInto('complaintPhotos').values(values).execute();
}

export function countComplaintPhotos(db: DbOrTrx, complaintId: number) {
  return db
    .selectFrom('complaintPhotos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('complaintId', '=', complaintId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** The photos of a complaint as the screen shows them: the file and its thumbnail by their public ids. */
export function listComplaintPhotoRows(db: DbOrTrx, complaintId: number) {
  return db
    .selectFrom('complaintPhotos')
    .innerJoin('documents', 'documents.id', 'complaintPhotos.documentId')
    .leftJoin('documents as thumbnails', 'thumbnails.id', 'complaintPhotos.thumbnailDocumentId')
    .select([
      'documents.publicId as id',
      'documents.filename',
      'documents.mimeType',
      'documents.sizeBytes',
      'thumbnails.publicId as thumbnailId',
      'complaintPhotos.createdAt',
    ])
    .where('complaintPhotos.complaintId', '=', complaintId)
    .orderBy('complaintPhotos.id')
    .execute();
}
