import type { Generated } from 'kysely';

export type DocumentsTable = {
  id: Generated<number>;
  kind: string;
  filename: string;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  orderId: number | null;
  createdBy: number | null;
  createdAt: string;
};
