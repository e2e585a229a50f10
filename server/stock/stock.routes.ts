import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MASTER_DATA_ADMINS, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { Id, IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  OnHandInputSchema,
  StockLevelListSchema,
  StockLevelQuerySchema,
  StockLevelSchema,
  WarehouseInputSchema,
  WarehouseSchema,
} from '../../core/stock/stock.schemas.ts';
import { createWarehouse, listStock, listWarehouses, setOnHand, updateWarehouse } from './stock.service.ts';

const tags = ['stock'];
const WriteProblems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export const stockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/warehouses',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Every warehouse', response: { 200: Type.Array(WarehouseSchema), 401: ProblemSchema, 403: ProblemSchema } },
    },
    async () => listWarehouses(app.db),
  );

  app.post(
    '/api/warehouses',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags,
        summary: 'Create a warehouse',
        body: WarehouseInputSchema,
        response: { 201: WarehouseSchema, ...WriteProblems, 409: ProblemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createWarehouse(app.db, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/warehouses/:id',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags,
        summary: 'Edit a warehouse',
        params: IdParams,
        body: WarehouseInputSchema,
        response: { 200: WarehouseSchema, ...WriteProblems, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => updateWarehouse(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/stock',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Stock levels by warehouse and product; available = on hand − reserved',
        querystring: StockLevelQuerySchema,
        response: { 200: StockLevelListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => ({ items: await listStock(app.db, request.query) }),
  );

  app.put(
    '/api/stock/:warehouseId/:productId',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags,
        summary: 'Set the quantity on hand (an inventory count); reserved stays as orders left it',
        params: Type.Object({ warehouseId: Id, productId: Id }),
        body: OnHandInputSchema,
        response: { 200: StockLevelSchema, ...WriteProblems, 404: ProblemSchema },
      },
    },
    async (request) =>
      setOnHand(
        app.db,
        request.params.warehouseId,
        request.params.productId,
        request.body.onHand,
        currentUser(request).id,
        app.clock.now(),
      ),
  );
};
