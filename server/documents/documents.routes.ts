import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import { IdParams, ProblemSchema } from '../http/schemas.ts';
import { listOrderDocuments, openDocument } from './documents.service.ts';

const tags = ['documents'];
const DocumentSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: Type.String(),
});

export const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orders/:id/documents',
    {
      config: { access: STAFF },
      schema: { tags, summary: "An order's documents (delivery notes…), oldest first", params: IdParams, response: { 200: Type.Array(DocumentSchema), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema } },
    },
    async (request) => listOrderDocuments(app.db, request.params.id),
  );

  app.get(
    '/api/documents/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The stored file, with its MIME type and file name',
        params: IdParams,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { document, stream } = await openDocument(app.db, app.config.dataDir, request.params.id);
      // RFC 6266: an ASCII fallback plus the exact UTF-8 name, so a browser saves it under the right name.
      const ascii = document.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(document.mimeType)
        .header('content-length', document.sizeBytes)
        .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
        .send(stream);
    },
  );
};
