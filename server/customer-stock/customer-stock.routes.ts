import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { Id, IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  CustomerStockSchema,
  PortalCustomerStockSchema,
  ProposalSchema,
  StockReportImportSchema,
  StockReportProblemSchema,
  VmiSettingsInputSchema,
  VmiSettingsSchema,
} from '../../core/customer-stock/customer-stock.schemas.ts';
import { readUpload } from '../imports/imports.routes.ts';
import { OrderDetailSchema } from '../../core/orders/orders.schemas.ts';
import { createProposalDraft, getCustomerStock, getOrderProposal, getVmiSettings, putVmiSettings } from './customer-stock.service.ts';
import { importStockReport } from './import-stock-report.ts';
import { OWN_CUSTOMER_STOCK, stockForBuyer } from './portal-stock.ts';

const tags = ['customer-stock'];
const readErrors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

const PointQuery = Type.Object({ deliveryPointId: Type.Optional(Id) });

export const customerStockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/customers/:id/stock-reports',
    {
      // Her buyer sends it herself from the portal, where customer stocks apply to her company.
      config: { access: [...ORDER_DESK, 'buyer'], buyerScope: OWN_CUSTOMER_STOCK },
      schema: {
        tags,
        summary:
          "Import a customer's stock report (CSV ';' or ',', or .xlsx): deliveryPoint (code or GLN), product (our code, GTIN or the customer's code), onHand, date?, averageDailySales?, promoUpliftPercent?",
        description:
          'multipart/form-data with `file` and `mode` (`validate`, `commit`, `commit-valid`) as the other imports; the raw file is kept as a document.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: {
          200: StockReportImportSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          413: ProblemSchema,
          422: StockReportProblemSchema,
        },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return importStockReport(
        app.db,
        { customerId: request.params.id, ...upload, userId: currentUser(request).id, dataDir: app.config.dataDir },
        app.clock.now(),
      );
    },
  );

  app.get(
    '/api/customers/:id/stock',
    {
      config: { access: [...STAFF, 'buyer'], buyerScope: OWN_CUSTOMER_STOCK, buyerView: stockForBuyer },
      schema: {
        tags,
        summary: 'The latest stock per delivery point and product, with daily use and days of cover (to her buyer: what she declared)',
        params: IdParams,
        response: { 200: Type.Union([CustomerStockSchema, PortalCustomerStockSchema]), ...readErrors },
      },
    },
    async (request) => getCustomerStock(app.db, request.params.id, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/order-proposal',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The order that brings each reported product back to the target cover on the earliest delivery date, in whole multiples',
        params: IdParams,
        querystring: PointQuery,
        response: { 200: ProposalSchema, ...readErrors, 422: ProblemSchema },
      },
    },
    async (request) => getOrderProposal(app.db, request.params.id, app.clock.now(), request.query.deliveryPointId),
  );

  app.post(
    '/api/customers/:id/order-proposal/draft',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Create a draft order from the proposal (priced and checked like any order)',
        params: IdParams,
        body: Type.Optional(Type.Object({ deliveryPointId: Type.Optional(Id) })),
        response: {
          201: OrderDetailSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createProposalDraft(app.db, request.params.id, request.body?.deliveryPointId, currentUser(request), app.clock.now())),
  );

  app.get(
    '/api/customers/:id/vmi-settings',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The customer's vendor-managed inventory settings",
        params: IdParams,
        response: { 200: VmiSettingsSchema, ...readErrors },
      },
    },
    async (request) => getVmiSettings(app.db, request.params.id),
  );

  app.put(
    '/api/customers/:id/vmi-settings',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: 'Turn VMI on or off and set the target cover',
        params: IdParams,
        body: VmiSettingsInputSchema,
        response: { 200: VmiSettingsSchema, 400: ProblemSchema, ...readErrors },
      },
    },
    async (request) => putVmiSettings(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
