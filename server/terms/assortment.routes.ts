import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { AuditEventSchema } from '../../core/orders/orders.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { AssortmentProductParams, AssortmentSchema } from '../../core/terms/terms.schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { sendWorkbook } from '../http/excel.ts';
import { assortmentHistory, assortmentWorkbook, listProduct, unlistProduct } from './assortment.service.ts';

// A customer's assortment one product at a time, its history and its Excel sheet: the customer page's listing.
// Managers and admins change it (as the rest of the agreement); assistants read.

const tags = ['terms'];
const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const WriteProblems = { 400: ProblemSchema, ...ReadProblems, 409: ProblemSchema };

export const assortmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/customers/:id/assortment/:productId',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "List a product in the customer's assortment (409 when it is listed already)",
        params: AssortmentProductParams,
        response: { 200: AssortmentSchema, ...WriteProblems },
      },
    },
    async (request) => listProduct(app.db, request.params.id, request.params.productId, currentUser(request).id, app.clock.now()),
  );

  app.delete(
    '/api/customers/:id/assortment/:productId',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary:
          "Take a product out of the customer's assortment (404 when it is not listed, 409 for the last one of a restricted assortment)",
        params: AssortmentProductParams,
        response: { 200: AssortmentSchema, ...WriteProblems },
      },
    },
    async (request) => unlistProduct(app.db, request.params.id, request.params.productId, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/assortment/history',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Who changed the customer's assortment, what and when (the list before and after), newest first",
        params: IdParams,
        response: { 200: Type.Array(AuditEventSchema), ...ReadProblems },
      },
    },
    async (request) => assortmentHistory(app.db, request.params.id),
  );

  app.get(
    '/api/customers/:id/assortment.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The customer's listed products as an Excel workbook (since when and by whom)",
        params: IdParams,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...ReadProblems },
      },
    },
    async (request, reply) =>
      sendWorkbook(reply, `referencement-client-${request.params.id}.xlsx`, await assortmentWorkbook(app.db, request.params.id)),
  );
};
