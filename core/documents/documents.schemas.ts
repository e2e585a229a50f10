import { Type, type Static } from '@sinclair/typebox';
import { DocumentIdSchema } from '../shared/schemas.ts';

export const OrderDocumentSchema = Type.Object({
  id: DocumentIdSchema,
  kind: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: Type.String(),
});
export type OrderDocument = Static<typeof OrderDocumentSchema>;
