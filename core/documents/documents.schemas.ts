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

/**
 * A document an order is waiting for: queued by a change, printed after its commit by the document worker. Being
 * prepared (retried after a failure, with its error), or given up after its attempts.
 */
export const PreparingDocumentSchema = Type.Object({
  kind: Type.String(),
  version: Type.Integer(),
  status: Type.Union([Type.Literal('preparing'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  queuedAt: Type.String(),
});
export type PreparingDocument = Static<typeof PreparingDocumentSchema>;
