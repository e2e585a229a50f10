import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  CustomerCreateSchema,
  CustomerDetailSchema,
  CustomerInputSchema,
  CustomerListQuerySchema,
  CustomerListSchema,
} from '../../core/customers/customers.schemas.ts';
import { createCustomer, getCustomerDetail, listCustomers, updateCustomer } from './customers.service.ts';

const tags = ['customers'];
const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema };
const WriteProblems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema };

export const customersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/customers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Find customers by name, code, GLN (account or ship-to), phone (account or contact) or city',
        description: 'Ranked: the code or GLN typed in full first, then names starting with the text, then the other matches.',
        querystring: CustomerListQuerySchema,
        response: { 200: CustomerListSchema, 400: ProblemSchema, ...ReadProblems },
      },
    },
    async (request) => listCustomers(app.db, { ...request.query, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );

  app.get(
    '/api/customers/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'A customer with its delivery points and contacts',
        params: IdParams,
        response: { 200: CustomerDetailSchema, 404: ProblemSchema, ...ReadProblems },
      },
    },
    async (request) => getCustomerDetail(app.db, request.params.id),
  );

  app.post(
    '/api/customers',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: 'Create a customer, with its delivery points and contacts if given',
        body: CustomerCreateSchema,
        response: { 201: CustomerDetailSchema, ...WriteProblems },
      },
    },
    async (request, reply) => reply.status(201).send(await createCustomer(app.db, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/customers/:id',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Edit a customer's account fields",
        params: IdParams,
        body: CustomerInputSchema,
        response: { 200: CustomerDetailSchema, 404: ProblemSchema, ...WriteProblems },
      },
    },
    async (request) => updateCustomer(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
