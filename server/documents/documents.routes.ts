import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { DocumentIdSchema, IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { OrderDocumentSchema, PreparingDocumentSchema } from '../../core/documents/documents.schemas.ts';
import { listOrderDocuments, listPreparingDocuments, openDocument } from './documents.service.ts';

const tags = ['documents'];
export const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orders/:id/documents',
    {
      config: {
        access: [...STAFF, 'buyer'],
        buyerScope: { kind: 'record', param: 'id', record: 'order', entity: 'Order' },
      },
      schema: {
        tags,
        summary: "An order's documents (delivery notes…), oldest first",
        params: IdParams,
        response: { 200: Type.Array(OrderDocumentSchema), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => listOrderDocuments(app.db, request.params.id),
  );

  app.get(
    '/api/orders/:id/documents/preparing',
    {
      // The buyer's portal shows her order's PDF coming too (without the printer's error text, which is the desk's).
      config: {
        access: [...STAFF, 'buyer'],
        buyerScope: { kind: 'record', param: 'id', record: 'order', entity: 'Order' },
      },
      schema: {
        tags,
        summary: "An order's documents not filed yet: being prepared after the commit, or given up with the error",
        params: IdParams,
        response: { 200: Type.Array(PreparingDocumentSchema), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const preparing = await listPreparingDocuments(app.db, request.params.id);
      return currentUser(request).role === 'buyer' ? preparing.map((p) => ({ ...p, error: null })) : preparing;
    },
  );

  app.get(
    '/api/documents/:id',
    {
      // Every signed-in role reaches the handler; canReadDocument decides by the record the file belongs to.
      config: { access: ROLES, buyerScope: { kind: 'per-file' } },
      schema: {
        tags,
        summary: 'The stored file, with its MIME type and file name',
        description: 'By its public id; 404 when it does not exist or belongs to a record the caller may not read.',
        params: Type.Object({ id: DocumentIdSchema }),
        response: {
          200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { document, stream } = await openDocument(app.db, app.config.dataDir, request.params.id, currentUser(request));
      // RFC 6266: an ASCII fallback plus the exact UTF-8 name, so a browser saves it under the right name.
      const ascii = document.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return (
        reply
          .type(document.mimeType)
          .header('content-length', document.sizeBytes)
          // Served as the type it was filed with, never sniffed into another (an uploaded CSV is not a page), and
          // kept out of shared caches: each download is checked for its reader.
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
          .send(stream)
      );
    },
  );
};
