import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import heicConvert from 'heic-convert';
import sharp from 'sharp';
import { isPhotoType, PHOTO_MAX_BYTES, PHOTOS_PER_COMPLAINT, THUMBNAIL_PX } from '../../core/complaints/photos.ts';
import type { ComplaintDetail } from '../../core/complaints/complaints.schemas.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import { AppError, type FieldError } from '../errors.ts';
import { getComplaint } from './complaints.service.ts';
import { countComplaintPhotos, insertComplaintPhoto } from './photos.repository.ts';

type Upload = { filename: string; bytes: Buffer };
type Checked = Upload & { mimeType: string; thumbnail: Buffer | null };

const refuse = (errors: FieldError[]) => new AppError('VALIDATION', errors.map((e) => e.message).join('; '), errors);

/** Every file part of the request (any field name), each read whole up to the size limit. */
export async function readPhotoUploads(request: FastifyRequest): Promise<Upload[]> {
  if (!request.isMultipart())
    throw refuse([{ path: 'body.photos', code: 'required', params: {}, message: 'send the photos as multipart/form-data' }]);
  const uploads: Upload[] = [];
  try {
    for await (const part of request.parts({ limits: { files: PHOTOS_PER_COMPLAINT, fileSize: PHOTO_MAX_BYTES } })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      uploads.push({ filename: part.filename.split('\u0000').join('') || 'photo', bytes });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw refuse([
        {
          path: `body.photos.${uploads.length}`,
          code: 'too-long',
          params: { limit: PHOTO_MAX_BYTES },
          message: `a photo is at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
        },
      ]);
    if (code === 'FST_FILES_LIMIT')
      throw refuse([
        { path: 'body.photos', code: 'too-many', params: { limit: PHOTOS_PER_COMPLAINT }, message: 'too many photos at once' },
      ]);
    throw error;
  }
  if (uploads.length === 0) throw refuse([{ path: 'body.photos', code: 'required', params: {}, message: 'no photo in the request' }]);
  return uploads;
}

/** A JPEG thumbnail of a picture; a HEIC phone photo (which sharp's build cannot read) converted first. */
async function thumbnailOf(bytes: Buffer, mimeType: string): Promise<Buffer | null> {
  if (mimeType === 'application/pdf') return null;
  const readable =
    mimeType === 'image/heic' || mimeType === 'image/heif'
      ? Buffer.from(await heicConvert({ buffer: bytes, format: 'JPEG', quality: 0.9 }))
      : bytes;
  return sharp(readable)
    .rotate()
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78 })
    .toBuffer();
}

/** Each file judged by its content and size, and its thumbnail made: any bad one refuses the lot, naming it. */
async function checkUploads(uploads: readonly Upload[]): Promise<Checked[]> {
  const errors: FieldError[] = [];
  const checked: Checked[] = [];
  for (const [i, u] of uploads.entries()) {
    const path = `body.photos.${i}`;
    const type = (await fileTypeFromBuffer(u.bytes))?.mime;
    if (!isPhotoType(type)) {
      errors.push({
        path,
        code: 'choice',
        params: { allowed: 'JPEG, PNG, HEIC, PDF' },
        message: `${u.filename} is not a JPEG, PNG, HEIC or PDF file`,
      });
      continue;
    }
    try {
      checked.push({ ...u, mimeType: type, thumbnail: await thumbnailOf(u.bytes, type) });
    } catch {
      errors.push({ path, code: 'type', params: { type: type }, message: `${u.filename} could not be read as ${type}` });
    }
  }
  if (errors.length) throw refuse(errors);
  return checked;
}

/**
 * Files the customer's photos (or scanned delivery note) on the complaint: each checked by its content and size,
 * stored with a thumbnail, in one transaction with its audit event.
 */
export async function addComplaintPhotos(
  db: Db,
  userId: number,
  id: number,
  uploads: readonly Upload[],
  now: Date,
): Promise<ComplaintDetail> {
  const complaint = await getComplaint(db, id, now);
  const had = await countComplaintPhotos(db, id);
  if (had + uploads.length > PHOTOS_PER_COMPLAINT)
    throw refuse([
      {
        path: 'body.photos',
        code: 'too-many',
        params: { limit: PHOTOS_PER_COMPLAINT },
        message: `a complaint holds at most ${PHOTOS_PER_COMPLAINT} photos (it has ${had})`,
      },
    ]);
  const checked = await checkUploads(uploads);
  const dataDir = fileStoreOf(db);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const photo of checked) {
      const documentId = await insertDocument(trx, {
        kind: 'complaint-photo',
        filename: photo.filename,
        mimeType: photo.mimeType,
        ...(await storeFile(dataDir, photo.bytes)),
        orderId: null,
        createdBy: userId,
        createdAt: at,
      });
      const thumbnailDocumentId = photo.thumbnail
        ? await insertDocument(trx, {
            kind: 'complaint-photo-thumbnail',
            filename: `${photo.filename.replace(/\.[^.]*$/, '')}-vignette.jpg`,
            mimeType: 'image/jpeg',
            ...(await storeFile(dataDir, photo.thumbnail)),
            orderId: null,
            createdBy: userId,
            createdAt: at,
          })
        : null;
      await insertComplaintPhoto(trx, { complaintId: id, documentId, thumbnailDocumentId, createdBy: userId, createdAt: at });
    }
    await recordAudits(trx, [
      auditRow({
        entityType: 'complaint',
        entityId: id,
        orderId: complaint.orderId,
        action: 'photos',
        userId,
        before: { photos: had },
        after: { photos: had + checked.length, files: checked.map((p) => p.filename) },
        note: null,
        at,
      }),
    ]);
  });
  return getComplaint(db, id, now);
}
