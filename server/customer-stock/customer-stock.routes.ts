import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { DocumentIdSchema, Id, IdParams, Int32, IsoDateString, Nullable, ProblemSchema } from '../../core/shared/schemas.ts';
import { ImportIssueSchema } from '../../core/imports/imports.schemas.ts';
import { readUpload } from '../imports/imports.routes.ts';
import { OrderDetailSchema } from '../../core/orders/orders.schemas.ts';
import { createProposalDraft, getCustomerStock, getOrderProposal, getVmiSettings, putVmiSettings } from './customer-stock.service.ts';
import { importStockReport } from './import-stock-report.ts';

const tags = ['customer-stock'];
const readErrors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

const VmiSettingsSchema = Type.Object({ customerId: Type.Integer(), enabled: Type.Boolean(), targetCoverDays: Type.Integer(), updatedAt: Nullable(Type.String()) });
const VmiSettingsInput = Type.Object({ enabled: Type.Boolean(), targetCoverDays: Int32({ minimum: 1, maximum: 120 }) }, { additionalProperties: false });

const Figures = {
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  saleUnit: Type.String(),
  reportDate: IsoDateString,
  onHand: Type.Integer(),
  dailyUse: Type.Number({ description: 'sale units a day, with the expected promotion uplift' }),
  baseDailyUse: Type.Number({ description: 'sale units a day from the reports and deliveries (or as the customer reported it)' }),
  dailyUseMethod: Type.Union([Type.Literal('history'), Type.Literal('reported'), Type.Literal('none')]),
  coverDays: Nullable(Type.Number({ description: 'days the stock lasts at the daily use; null without use' })),
  leadTimeDays: Type.Integer({ description: 'days from the report to the earliest delivery' }),
};

const CustomerStockSchema = Type.Object({
  customerId: Type.Integer(),
  settings: VmiSettingsSchema,
  items: Type.Array(
    Type.Object({
      ...Figures,
      deliveryPointId: Type.Integer(),
      deliveryPointCode: Type.String(),
      deliveryPointName: Type.String(),
      source: Type.String(),
      averageDailySales: Nullable(Type.Number()),
      promoUpliftBp: Nullable(Type.Integer()),
      belowLeadTimeCover: Type.Boolean(),
    }),
  ),
});

const ProposalSchema = Type.Object({
  customerId: Type.Integer(),
  deliveryPointId: Nullable(Type.Integer()),
  deliveryPointCode: Nullable(Type.String()),
  deliveryPointName: Nullable(Type.String()),
  deliveryDate: Nullable(IsoDateString),
  targetCoverDays: Type.Integer(),
  enabled: Type.Boolean(),
  lines: Type.Array(
    Type.Object({
      ...Figures,
      onOrder: Type.Integer({ description: 'delivered since the report, or confirmed for delivery by the delivery date' }),
      promoUpliftBp: Nullable(Type.Integer()),
      coverAtDelivery: Nullable(Type.Number()),
      coverAfterDelivery: Nullable(Type.Number()),
      quantity: Type.Integer({ description: 'proposed, in sale units: a whole number of the multiple' }),
      multiple: Type.String({ description: 'unit, carton, layer or pallet, as the terms require' }),
      multipleSize: Type.Integer(),
      packaging: Type.Object({ cartons: Type.Number(), layers: Nullable(Type.Number()), pallets: Nullable(Type.Number()) }),
      skipped: Nullable(Type.Union([Type.Literal('above-target'), Type.Literal('no-use')])),
    }),
  ),
});

const StockReportImportSchema = Type.Object({
  kind: Type.Literal('customer-stock'),
  mode: Type.String(),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  written: Type.Integer(),
  errors: Type.Array(ImportIssueSchema),
  reportIds: Type.Array(Type.Integer()),
  documentId: Nullable(DocumentIdSchema),
});
const StockReportProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  errors: Type.Array(ImportIssueSchema),
  report: StockReportImportSchema,
});

const PointQuery = Type.Object({ deliveryPointId: Type.Optional(Id) });

export const customerStockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/customers/:id/stock-reports',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: "Import a customer's stock report (CSV ';' or ',', or .xlsx): deliveryPoint (code or GLN), product (our code, GTIN or the customer's code), onHand, date?, averageDailySales?, promoUpliftPercent?",
        description: 'multipart/form-data with `file` and `mode` (`validate`, `commit`, `commit-valid`) as the other imports; the raw file is kept as a document.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: StockReportImportSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema, 422: StockReportProblemSchema },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return importStockReport(app.db, { customerId: request.params.id, ...upload, userId: currentUser(request).id, dataDir: app.config.dataDir }, app.clock.now());
    },
  );

  app.get(
    '/api/customers/:id/stock',
    { config: { access: STAFF }, schema: { tags, summary: 'The latest stock per delivery point and product, with daily use and days of cover', params: IdParams, response: { 200: CustomerStockSchema, ...readErrors } } },
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
        response: { 201: OrderDetailSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createProposalDraft(app.db, request.params.id, request.body?.deliveryPointId, currentUser(request), app.clock.now())),
  );

  app.get(
    '/api/customers/:id/vmi-settings',
    { config: { access: STAFF }, schema: { tags, summary: "The customer's vendor-managed inventory settings", params: IdParams, response: { 200: VmiSettingsSchema, ...readErrors } } },
    async (request) => getVmiSettings(app.db, request.params.id),
  );

  app.put(
    '/api/customers/:id/vmi-settings',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: { tags, summary: 'Turn VMI on or off and set the target cover', params: IdParams, body: VmiSettingsInput, response: { 200: VmiSettingsSchema, 400: ProblemSchema, ...readErrors } },
    },
    async (request) => putVmiSettings(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
