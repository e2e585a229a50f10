/**
 * Where the browser opens a stored file. The API names every document by its public id (random, unguessable);
 * every link to a file is built here, never by hand.
 */
export function documentUrl(publicId: string): string {
  return `/api/documents/${encodeURIComponent(publicId)}`;
}
