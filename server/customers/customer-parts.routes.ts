import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { createContact, deleteContact, updateContact } from './contacts.service.ts';
import {
  ContactInputSchema,
  ContactSchema,
  CustomerProductCodeSchema,
  DeliveryPointInputSchema,
  DeliveryPointSchema,
  ProductCodeInputSchema,
} from '../../core/customers/customers.schemas.ts';
import { createDeliveryPoint, updateDeliveryPoint } from './delivery-points.service.ts';
import { createProductCode, deleteProductCode, listProductCodes } from './product-codes.service.ts';

/** What hangs off a customer: its ship-tos, its people and its own names for our products. */

const WriteProblems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const Deleted = { 204: Type.Null(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const customerPartsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/customers/:id/delivery-points',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags: ['customers'],
        summary: 'Add a delivery point (ship-to); the first one becomes the default',
        params: IdParams,
        body: DeliveryPointInputSchema,
        response: { 201: DeliveryPointSchema, ...WriteProblems, 409: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDeliveryPoint(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/delivery-points/:id',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags: ['customers'],
        summary: 'Edit a delivery point',
        params: IdParams,
        body: DeliveryPointInputSchema,
        response: { 200: DeliveryPointSchema, ...WriteProblems, 409: ProblemSchema },
      },
    },
    async (request) => updateDeliveryPoint(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.post(
    '/api/customers/:id/contacts',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags: ['customers'],
        summary: 'Add a contact',
        params: IdParams,
        body: ContactInputSchema,
        response: { 201: ContactSchema, ...WriteProblems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createContact(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/contacts/:id',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags: ['customers'],
        summary: 'Edit a contact',
        params: IdParams,
        body: ContactInputSchema,
        response: { 200: ContactSchema, ...WriteProblems },
      },
    },
    async (request) => updateContact(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.delete(
    '/api/contacts/:id',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: { tags: ['customers'], summary: 'Remove a contact', params: IdParams, response: Deleted },
    },
    async (request, reply) => {
      await deleteContact(app.db, request.params.id, currentUser(request).id, app.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/customers/:id/product-codes',
    {
      config: { access: STAFF },
      schema: {
        tags: ['customers'],
        summary: "The customer's codes for our products (how its EDI orders name them)",
        params: IdParams,
        response: { 200: Type.Array(CustomerProductCodeSchema), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => listProductCodes(app.db, request.params.id),
  );

  app.post(
    '/api/customers/:id/product-codes',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags: ['customers'],
        summary: "Map one of the customer's codes to our product; 409 when the code already means a product",
        params: IdParams,
        body: ProductCodeInputSchema,
        response: { 201: CustomerProductCodeSchema, ...WriteProblems, 409: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProductCode(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now())),
  );

  app.delete(
    '/api/customer-product-codes/:id',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: { tags: ['customers'], summary: "Remove one of the customer's product codes", params: IdParams, response: Deleted },
    },
    async (request, reply) => {
      await deleteProductCode(app.db, request.params.id, currentUser(request).id, app.clock.now());
      return reply.status(204).send(null);
    },
  );
};
