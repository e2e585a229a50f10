import { Type, type Static } from '@sinclair/typebox';
import { DocumentIdSchema, Id, literals, Nullable, Text } from '../shared/schemas.ts';
import { DOCUMENT_KINDS } from './document-kinds.ts';

export const DocumentQuerySchema = Type.Object(
  {
    customerId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    kind: Type.Optional(literals(DOCUMENT_KINDS)),
    q: Type.Optional(
      Text(100, {
        description: 'file name, order, delivery note, credit note, notice or interchange number, customer code or name',
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'filed on or after (Paris date)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'filed on or before (Paris date)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);
export type DocumentQuery = Static<typeof DocumentQuerySchema>;

/** A filed document with what it belongs to, and its place among the versions of the same kind for its order. */
export const FiledDocumentSchema = Type.Object({
  id: DocumentIdSchema,
  kind: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  /** The number the trade knows it by: delivery note, credit note, penalty notice, interchange reference. */
  number: Nullable(Type.String()),
  order: Nullable(Type.Object({ id: Type.Integer(), number: Type.String() })),
  customer: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  /** 1 for the first of its kind on its order; null when it belongs to no order. */
  version: Nullable(Type.Integer()),
  versions: Nullable(Type.Integer()),
});
export type FiledDocument = Static<typeof FiledDocumentSchema>;

export const DocumentListSchema = Type.Object({
  documents: Type.Array(FiledDocumentSchema),
  /** true when more matched than `limit`: narrow the search. */
  truncated: Type.Boolean(),
});
export type DocumentList = Static<typeof DocumentListSchema>;
