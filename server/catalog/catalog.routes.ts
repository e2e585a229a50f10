import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MASTER_DATA_ADMINS, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  PriceListDetailSchema,
  PriceListSummarySchema,
  ProductDetailSchema,
  ProductInputSchema,
  ProductListQuerySchema,
  ProductListSchema,
  ProductSchema,
} from '../../core/catalog/catalog.schemas.ts';
import { getPriceList, listPriceLists } from './price-lists.service.ts';
import { createProduct, getProductDetail, listProducts, updateProduct } from './products.service.ts';

const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema };
const WriteProblems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema };

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/products',
    {
      config: { access: [...STAFF, 'buyer'], buyerScope: { kind: 'query', field: 'customerId' } },
      schema: {
        tags: ['catalog'],
        summary: 'Search products by code, GTIN, case GTIN or words of the name; customerId: those listed for that customer',
        querystring: ProductListQuerySchema,
        response: { 200: ProductListSchema, 400: ProblemSchema, ...ReadProblems },
      },
    },
    async (request) => listProducts(app.db, { ...request.query, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );

  app.get(
    '/api/products/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['catalog'],
        summary: 'A product with its substitutes and its stock per warehouse',
        params: IdParams,
        response: { 200: ProductDetailSchema, 404: ProblemSchema, ...ReadProblems },
      },
    },
    async (request) => getProductDetail(app.db, request.params.id),
  );

  app.post(
    '/api/products',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags: ['catalog'],
        summary: 'Create a product',
        body: ProductInputSchema,
        response: { 201: ProductSchema, ...WriteProblems },
      },
    },
    async (request, reply) => reply.status(201).send(await createProduct(app.db, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/products/:id',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags: ['catalog'],
        summary: 'Edit a product (every field; substitutes only when substituteIds is given)',
        params: IdParams,
        body: ProductInputSchema,
        response: { 200: ProductSchema, 404: ProblemSchema, ...WriteProblems },
      },
    },
    async (request) => updateProduct(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/price-lists',
    {
      config: { access: STAFF },
      schema: { tags: ['pricing'], summary: 'Every price list', response: { 200: Type.Array(PriceListSummarySchema), ...ReadProblems } },
    },
    async () => listPriceLists(app.db),
  );

  app.get(
    '/api/price-lists/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['pricing'],
        summary: 'A price list with its tiers',
        params: IdParams,
        response: { 200: PriceListDetailSchema, 404: ProblemSchema, ...ReadProblems },
      },
    },
    async (request) => getPriceList(app.db, request.params.id),
  );
};
