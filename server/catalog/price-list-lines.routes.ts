import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { AuditEventSchema } from '../../core/orders/orders.schemas.ts';
import { PriceListLineInputSchema, PriceListLineParams, PriceListLineSchema } from '../../core/pricing/pricing.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { sendWorkbook } from '../http/excel.ts';
import { deleteLine, priceListHistory, priceListWorkbook, saveLine } from './price-list-lines.service.ts';

// The lines of a price list, changed on the desk by those who answer for prices (managers and admins, as customer net prices).

const tags = ['pricing'];
const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const WriteProblems = { 400: ProblemSchema, ...ReadProblems };

export const priceListLinesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/price-lists/:id/items/:productId',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Set a product's line on the list: its price from one unit and its quantity tiers (replaces them)",
        params: PriceListLineParams,
        body: PriceListLineInputSchema,
        response: { 200: PriceListLineSchema, ...WriteProblems },
      },
    },
    async (request) =>
      saveLine(app.db, request.params.id, request.params.productId, request.body, currentUser(request).id, app.clock.now()),
  );

  app.delete(
    '/api/price-lists/:id/items/:productId',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "End a product's line on the list (every tier of it)",
        params: PriceListLineParams,
        response: { 204: Type.Null(), ...ReadProblems },
      },
    },
    async (request, reply) => {
      await deleteLine(app.db, request.params.id, request.params.productId, currentUser(request).id, app.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/price-lists/:id/history',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Who changed the list's lines (desk or import), what and when (before and after), newest first",
        params: IdParams,
        response: { 200: Type.Array(AuditEventSchema), ...ReadProblems },
      },
    },
    async (request) => priceListHistory(app.db, request.params.id),
  );

  app.get(
    '/api/price-lists/:id/items.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The list's lines (price and quantity tiers per product) and its discount on the order as an Excel workbook",
        params: IdParams,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...ReadProblems },
      },
    },
    async (request, reply) => {
      const { code, workbook } = await priceListWorkbook(app.db, request.params.id);
      return sendWorkbook(reply, `liste-de-prix-${code}.xlsx`, workbook);
    },
  );
};
