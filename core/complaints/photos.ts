/** What a complaint's photo may be, judged by its content (its first bytes), never by its name. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** A phone's photo is 2 to 5 MB; a scanned delivery note in PDF a few. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Photos a complaint holds in all. */
export const PHOTOS_PER_COMPLAINT = 12;
/** The thumbnail's longest side, in pixels. */
export const THUMBNAIL_PX = 320;

export const isPhotoType = (mime: string | undefined): mime is PhotoType => (PHOTO_TYPES as readonly string[]).includes(mime ?? '');
