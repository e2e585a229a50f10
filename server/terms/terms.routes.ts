import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, MASTER_DATA_ADMINS, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  AssortmentInputSchema,
  AssortmentSchema,
  CustomerTermsInputSchema,
  CustomerTermsSchema,
  TermsOfSaleInputSchema,
  TermsOfSaleSchema,
} from '../../core/terms/terms.schemas.ts';
import { getAssortment, getCustomerTerms, listTermsOfSale, saveAssortment, saveCustomerTerms, saveTermsOfSale } from './terms.service.ts';

// The terms of sale (CGV) per typology, each customer's agreement over them, and its agreed assortment.

const tags = ['terms'];
const ReadProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const WriteProblems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export const termsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/terms',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Every version of the terms of sale, newest first, each with its parameters per customer typology',
        response: { 200: Type.Array(TermsOfSaleSchema), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async () => listTermsOfSale(app.db),
  );

  app.put(
    '/api/terms',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags,
        summary:
          'Create a version of the terms of sale (by its code) or replace its period, articles and table (every typology, once each)',
        body: TermsOfSaleInputSchema,
        response: { 200: TermsOfSaleSchema, ...WriteProblems },
      },
    },
    async (request) => saveTermsOfSale(app.db, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/terms',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "The customer's terms: its overrides (null = inherited), its typology's terms in force today, the merged result and its credit figures",
        params: IdParams,
        response: { 200: CustomerTermsSchema, ...ReadProblems },
      },
    },
    async (request) => getCustomerTerms(app.db, request.params.id, app.clock.now()),
  );

  app.put(
    '/api/customers/:id/terms',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Replace the customer's overrides of the terms of sale (absent or null = inherit)",
        params: IdParams,
        body: CustomerTermsInputSchema,
        response: { 200: CustomerTermsSchema, ...WriteProblems },
      },
    },
    async (request) => saveCustomerTerms(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/assortment',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The products agreed with the customer; when restricted, others are reported as not listed',
        params: IdParams,
        response: { 200: AssortmentSchema, ...ReadProblems },
      },
    },
    async (request) => getAssortment(app.db, request.params.id),
  );

  app.put(
    '/api/customers/:id/assortment',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Replace the customer's agreed assortment",
        params: IdParams,
        body: AssortmentInputSchema,
        response: { 200: AssortmentSchema, ...WriteProblems },
      },
    },
    async (request) => saveAssortment(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
