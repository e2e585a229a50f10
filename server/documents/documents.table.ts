import type { Generated } from 'kysely';

export type DocumentsTable = {
  id: Generated<number>;
  /** What the API and URLs call the document (public-id.ts); `id` never leaves the database. */
  publicId: string;
  kind: string;
  filename: string;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  orderId: number | null;
  createdBy: number | null;
  createdAt: string;
};
