/** What the file chooser offers for a complaint's photos: what the server accepts (judged there by content). */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.heic,application/pdf';

/** The multipart body of POST /api/complaints/{id}/photos: one file part per photo. */
export function photoForm(files: readonly File[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('photos', f, f.name);
  return form;
}
