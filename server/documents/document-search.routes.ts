import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import { DocumentListSchema, DocumentQuerySchema } from '../../core/documents/document-search.schemas.ts';
import { ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { listDocuments } from './document-search.service.ts';

export const documentSearchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/documents',
    {
      config: { access: STAFF },
      schema: {
        tags: ['documents'],
        summary: 'Every document kept, newest first, by customer, order, kind, number or text and filing date',
        description:
          'Acknowledgements and their versions, delivery notes, EDI files in and out, credit notes, stock reports, contest letters, imports (managers and admins).',
        querystring: DocumentQuerySchema,
        response: { 200: DocumentListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => listDocuments(app.db, request.query, currentUser(request)),
  );
};
