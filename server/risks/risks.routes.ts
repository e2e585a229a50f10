import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { RISK_CAUSES, RISK_STATUSES } from '../../core/risks/risk.types.ts';
import { IdParams, Nullable, ProblemSchema } from '../http/schemas.ts';
import { runRiskScan } from './risk-scan.ts';
import { countOpenRisks, getRisk, listRisks } from './risks.service.ts';

const tags = ['risks'];
const Read = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const RiskSchema = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  orderNumber: Type.String(),
  customerRef: Nullable(Type.String()),
  orderStatus: Type.String(),
  orderLineId: Nullable(Type.Integer({ description: 'null for an order-wide cause (truck, appointment)' })),
  lineNo: Nullable(Type.Integer()),
  lineQuantity: Nullable(Type.Integer()),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  typology: Type.String(),
  productId: Nullable(Type.Integer()),
  productCode: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  saleUnit: Nullable(Type.String()),
  cause: literals(RISK_CAUSES),
  promisedDate: Type.String(),
  daysLeft: Type.Integer(),
  shortfall: Type.Integer(),
  valueCents: Type.Integer(),
  exposureCents: Type.Integer(),
  priorityScore: Type.Integer(),
  priorityReason: Type.Object({ fr: Type.String(), en: Type.String() }),
  receiptRef: Nullable(Type.String()),
  status: Type.String(),
  detectedAt: Type.String(),
  updatedAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.Integer()),
  resolutionOption: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});

export const risksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/risks',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Order lines that will not be delivered as promised, highest priority first',
        querystring: Type.Object(
          { status: Type.Optional(literals(RISK_STATUSES)), customerId: Type.Optional(Type.Integer({ minimum: 1 })), cause: Type.Optional(literals(RISK_CAUSES)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RiskSchema) }), ...Read },
      },
    },
    async (request) => ({ items: await listRisks(app.db, request.query) }),
  );

  app.get(
    '/api/risks/count',
    { config: { access: STAFF }, schema: { tags, summary: 'Open risks, for the navigation badge', response: { 200: Type.Object({ open: Type.Integer() }), ...Read } } },
    async () => ({ open: await countOpenRisks(app.db) }),
  );

  app.get(
    '/api/risks/:id',
    { config: { access: STAFF }, schema: { tags, summary: 'One risk', params: IdParams, response: { 200: RiskSchema, ...Read, 404: ProblemSchema } } },
    async (request) => getRisk(app.db, request.params.id),
  );

  app.post(
    '/api/risks/scan',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Run the risk scan now (it also runs on a schedule and after stock, receipt and order changes)',
        response: { 200: Type.Object({ skipped: Type.Boolean(), lines: Type.Integer(), found: Type.Integer(), inserted: Type.Integer(), updated: Type.Integer(), obsoleted: Type.Integer(), ms: Type.Number() }), ...Read },
      },
    },
    async () => runRiskScan(app.db),
  );
};
