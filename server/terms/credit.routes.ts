import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { ImportProblemSchema, ImportReportSchema } from '../../core/imports/imports.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { CreditSchema } from '../../core/terms/terms.schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import { notFound } from '../errors.ts';
import { readUpload } from '../imports/imports.routes.ts';
import { runImport } from '../imports/imports.service.ts';
import { creditOf } from './terms.service.ts';

// The accounting's open and overdue amounts per customer: imported from its aged balance, read by the credit check.

const tags = ['terms'];

export const creditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/customers/credit',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Import the accounting's aged balance: customerCode, unpaidBalance, overdue, asOf (CSV or .xlsx)",
        description:
          'multipart/form-data with `file` and `mode`, as every import: `validate` (default) writes nothing; `commit` writes every row or nothing (422); `commit-valid` writes the good rows. A row older than the figures held is refused.',
        consumes: ['multipart/form-data'],
        response: {
          200: ImportReportSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          413: ProblemSchema,
          422: ImportProblemSchema,
        },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return runImport(app.db, { kind: 'customer-credit', ...upload, userId: currentUser(request).id }, app.clock.now());
    },
  );

  app.get(
    '/api/customers/:id/credit',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The customer's credit: limit, open orders, unpaid and overdue invoices as of the accounting's last figures",
        params: IdParams,
        response: { 200: CreditSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw notFound('Customer', request.params.id);
      return creditOf(app.db, customer);
    },
  );
};
