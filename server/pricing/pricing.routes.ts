import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { AuditEventSchema } from '../../core/orders/orders.schemas.ts';
import { createCustomerPrice, deleteCustomerPrice, listCustomerPrices, updateCustomerPrice } from './customer-prices.service.ts';
import { getOrderTiers, orderTiersHistory, saveOrderTiers } from './order-tiers.service.ts';
import {
  CustomerPriceInputSchema,
  CustomerPriceParams,
  CustomerPriceSchema,
  OrderTiersInputSchema,
  OrderTiersSchema,
  PromotionInputSchema,
  PromotionQuerySchema,
  PromotionSchema,
} from '../../core/pricing/pricing.schemas.ts';
import { createPromotion, getPromotion, listPromotions, updatePromotion } from './promotions.service.ts';

// Promotions, customer net prices and the order-level tier discounts of price lists.

const tags = ['pricing'];
const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const WriteProblems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export const pricingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/promotions',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Promotions, newest first; on = running that day, customerId = open to that customer',
        querystring: PromotionQuerySchema,
        response: { 200: Type.Array(PromotionSchema), 400: ProblemSchema, ...ReadProblems },
      },
    },
    async (request) => listPromotions(app.db, request.query),
  );

  app.get(
    '/api/promotions/:id',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'One promotion', params: IdParams, response: { 200: PromotionSchema, ...ReadProblems } },
    },
    async (request) => getPromotion(app.db, request.params.id),
  );

  app.post(
    '/api/promotions',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: { tags, summary: 'Create a promotion', body: PromotionInputSchema, response: { 201: PromotionSchema, ...WriteProblems } },
    },
    async (request, reply) => reply.status(201).send(await createPromotion(app.db, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/promotions/:id',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: 'Edit a promotion (end it by moving its end date)',
        params: IdParams,
        body: PromotionInputSchema,
        response: { 200: PromotionSchema, ...WriteProblems },
      },
    },
    async (request) => updatePromotion(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/prices',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The customer's net prices with their validity",
        params: IdParams,
        response: { 200: Type.Array(CustomerPriceSchema), ...ReadProblems },
      },
    },
    async (request) => listCustomerPrices(app.db, request.params.id),
  );

  app.post(
    '/api/customers/:id/prices',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: 'Add a net price for the customer (periods of one product never overlap)',
        params: IdParams,
        body: CustomerPriceInputSchema,
        response: { 201: CustomerPriceSchema, ...WriteProblems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCustomerPrice(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/customers/:id/prices/:priceId',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Edit one of the customer's net prices",
        params: CustomerPriceParams,
        body: CustomerPriceInputSchema,
        response: { 200: CustomerPriceSchema, ...WriteProblems },
      },
    },
    async (request) =>
      updateCustomerPrice(app.db, request.params.id, request.params.priceId, request.body, currentUser(request).id, app.clock.now()),
  );

  app.delete(
    '/api/customers/:id/prices/:priceId',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Remove one of the customer's net prices",
        params: CustomerPriceParams,
        response: { 204: Type.Null(), ...ReadProblems },
      },
    },
    async (request, reply) => {
      await deleteCustomerPrice(app.db, request.params.id, request.params.priceId, currentUser(request).id, app.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/price-lists/:id/order-tiers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The list's discount on the whole order by pallets, weight, value…",
        params: IdParams,
        response: { 200: OrderTiersSchema, ...ReadProblems },
      },
    },
    async (request) => getOrderTiers(app.db, request.params.id),
  );

  app.get(
    '/api/price-lists/:id/order-tiers/history',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Who changed the list's discount on the order, what and when (before and after), newest first",
        params: IdParams,
        response: { 200: Type.Array(AuditEventSchema), ...ReadProblems },
      },
    },
    async (request) => orderTiersHistory(app.db, request.params.id),
  );

  app.put(
    '/api/price-lists/:id/order-tiers',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Replace the list's order-level tier discount (null removes it)",
        params: IdParams,
        body: OrderTiersInputSchema,
        response: { 200: OrderTiersSchema, ...WriteProblems },
      },
    },
    async (request) => saveOrderTiers(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
