import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import { AuditEventSchema } from '../../core/orders/orders.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { customerPriceHistory, customerPricesWorkbook } from './customer-prices-history.ts';
import { sendWorkbook } from '../http/excel.ts';

const tags = ['pricing'];
const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const customerPricesHistoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/customers/:id/prices/history',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Who changed the customer's net prices, what and when (before and after), newest first",
        params: IdParams,
        response: { 200: Type.Array(AuditEventSchema), ...ReadProblems },
      },
    },
    async (request) => customerPriceHistory(app.db, request.params.id),
  );

  app.get(
    '/api/customers/:id/prices.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The customer's net prices as an Excel workbook",
        params: IdParams,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...ReadProblems },
      },
    },
    async (request, reply) =>
      sendWorkbook(reply, `prix-nets-client-${request.params.id}.xlsx`, await customerPricesWorkbook(app.db, request.params.id)),
  );
};
