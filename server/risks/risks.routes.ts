import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import {
  ResolveAnswerSchema,
  ResolveBodySchema,
  RiskCallSchema,
  RiskCountSchema,
  RiskListQuerySchema,
  RiskListSchema,
  RiskScanSchema,
  UndoAnswerSchema,
} from '../../core/risks/risks.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { runRiskScan } from './risk-scan.ts';
import { resolveRisk } from './resolve-risk.ts';
import { undoRiskOption } from './undo-risk-option.ts';
import { countOpenRisks, getRiskForCall, listRisks } from './risks.service.ts';

const tags = ['risks'];
const Read = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
export const risksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/risks',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Order lines that will not be delivered as promised, highest priority first',
        querystring: RiskListQuerySchema,
        response: { 200: RiskListSchema, ...Read },
      },
    },
    async (request) => ({ items: await listRisks(app.db, request.query, app.clock.now()) }),
  );

  app.get(
    '/api/risks/count',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Open risks, for the navigation badge', response: { 200: RiskCountSchema, ...Read } },
    },
    async () => ({ open: await countOpenRisks(app.db) }),
  );

  app.get(
    '/api/risks/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'One risk, with its options ranked, the contacts to call and the situation',
        params: IdParams,
        response: { 200: RiskCallSchema, ...Read, 404: ProblemSchema },
      },
    },
    async (request) => getRiskForCall(app.db, request.params.id, app.clock.now()),
  );

  app.post(
    '/api/risks/:id/resolve',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          "Record the customer's decision: apply the option to the order in one transaction and resend the acknowledgement, or plan a call back",
        params: IdParams,
        body: ResolveBodySchema,
        response: {
          200: ResolveAnswerSchema,
          ...Read,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const r = await resolveRisk(app.db, request.params.id, currentUser(request), request.body, app.clock.now());
      return r.outcome === 'applied' ? { outcome: r.outcome, riskId: r.riskId, orderId: r.orderId, backorder: r.backorder } : r;
    },
  );

  app.post(
    '/api/risks/:id/undo',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          'Take back the option applied on this risk: the order as it was, the risk open again, a new acknowledgement; 409 once the order moved on (released, changed, shipped)',
        params: IdParams,
        response: { 200: UndoAnswerSchema, ...Read, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => undoRiskOption(app.db, request.params.id, currentUser(request), app.clock.now()),
  );

  app.post(
    '/api/risks/scan',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Run the risk scan now (it also runs on a schedule and after stock, receipt and order changes)',
        response: { 200: RiskScanSchema, ...Read },
      },
    },
    async () => runRiskScan(app.db, app.clock.now()),
  );
};
