import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { RISK_CAUSES, RISK_STATUSES } from '../../core/risks/risk.types.ts';
import { Id, IdParams, Nullable, ProblemSchema, Text } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { runRiskScan } from './risk-scan.ts';
import { RISK_OPTION_KINDS } from '../../core/risks/options.ts';
import { resolveRisk } from './resolve-risk.ts';
import { countOpenRisks, getRiskForCall, listRisks } from './risks.service.ts';

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

const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
const OptionId = { kind: literals(RISK_OPTION_KINDS), productId: Type.Optional(Id), warehouseId: Type.Optional(Id) };

export const RiskOptionSchema = Type.Object({
  ...OptionId,
  label: Bilingual,
  accepted: Type.Boolean({ description: "by the customer's supply settings (EDIFACT 4493 SC/BK/SP/IS/CD)" }),
  needsApproval: Type.Boolean(),
  newDates: Type.Object({ delivery: Type.String(), backorder: Type.Optional(Type.String()), secondDelivery: Type.Optional(Type.String({ description: 'split: the date of the second delivery' })) }),
  priceEffectCents: Type.Integer(),
  penaltyEffect: Type.Object({ claimableCents: Type.Integer(), capCents: Nullable(Type.Integer()) }),
  changes: Type.Array(Type.Object({ type: Type.String() }, { additionalProperties: true })),
});

export const RiskCallSchema = Type.Composite([
  RiskSchema,
  Type.Object({
    options: Type.Array(RiskOptionSchema),
    customerPhone: Nullable(Type.String()),
    contacts: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), role: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()), preferredHours: Nullable(Type.String()), isOrderContact: Type.Boolean() })),
    situation: Type.Object({ fr: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
    script: Type.Object({ fr: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
    warehouse: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }, { description: 'the warehouse that serves (or would serve) the line' })),
    deliveryRequirement: Nullable(Type.String({ description: "the EDI order's own 4493 code, which beats the customer's settings" })),
  }),
]);

const Note = Type.Optional(Nullable(Text(2000)));
const ResolveBody = Type.Union([
  Type.Object({ option: Type.Object(OptionId, { additionalProperties: false }), note: Note, customerApproved: Type.Optional(Type.Boolean({ description: 'the customer agreed on the call to an option outside his settings' })) }, { additionalProperties: false }),
  Type.Object({ callBackAt: Type.String({ format: 'date-time' }), note: Note }, { additionalProperties: false }),
]);

export const risksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/risks',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Order lines that will not be delivered as promised, highest priority first',
        querystring: Type.Object(
          { status: Type.Optional(literals(RISK_STATUSES)), customerId: Type.Optional(Id), cause: Type.Optional(literals(RISK_CAUSES)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RiskSchema) }), ...Read },
      },
    },
    async (request) => ({ items: await listRisks(app.db, request.query, app.clock.now()) }),
  );

  app.get(
    '/api/risks/count',
    { config: { access: STAFF }, schema: { tags, summary: 'Open risks, for the navigation badge', response: { 200: Type.Object({ open: Type.Integer() }), ...Read } } },
    async () => ({ open: await countOpenRisks(app.db) }),
  );

  app.get(
    '/api/risks/:id',
    { config: { access: STAFF }, schema: { tags, summary: 'One risk, with its options ranked, the contacts to call and the situation', params: IdParams, response: { 200: RiskCallSchema, ...Read, 404: ProblemSchema } } },
    async (request) => getRiskForCall(app.db, request.params.id, app.clock.now()),
  );

  app.post(
    '/api/risks/:id/resolve',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: "Record the customer's decision: apply the option to the order in one transaction and resend the acknowledgement, or plan a call back",
        params: IdParams,
        body: ResolveBody,
        response: {
          200: Type.Object({ outcome: Type.String(), riskId: Type.Integer(), orderId: Type.Integer(), taskId: Type.Optional(Type.Integer()), backorder: Type.Optional(Nullable(Type.Object({ id: Type.Integer(), number: Type.String() }))) }),
          ...Read, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const r = await resolveRisk(app.db, request.params.id, currentUser(request), request.body, app.clock.now());
      return r.outcome === 'applied' ? { outcome: r.outcome, riskId: r.riskId, orderId: r.orderId, backorder: r.backorder } : r;
    },
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
