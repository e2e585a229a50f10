import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import {
  ControlDecisionInputSchema,
  ControlListSchema,
  ControlQuerySchema,
  ControlSchema,
  FiledReceivingAdviceSchema,
  ReceivingAdviceInputSchema,
} from '../../core/controls/controls.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { decideDiscrepancy, listControls } from './controls.service.ts';
import { fileReceivingAdvice } from './receiving-advice.ts';

const tags = ['controls'];

export const controlsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/controls',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'Delivered orders whose order, delivery notes, receipt and invoice disagree, line by line, with the documents side by side',
        querystring: ControlQuerySchema,
        response: { 200: ControlListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => ({ controls: await listControls(app.db, request.query) }),
  );

  app.post(
    '/api/controls/:id/decisions',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          'Settle one discrepancy of a delivered order: open a complaint with it, accept it as it stands, or issue the credit note or corrective invoice that corrects it (once only: 409 after)',
        params: IdParams,
        body: ControlDecisionInputSchema,
        response: {
          200: ControlSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request) => decideDiscrepancy(app.db, request.params.id, request.body, currentUser(request), app.clock.now()),
  );

  app.post(
    '/api/controls/receiving-advices',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          "File a customer's receiving advice (EANCOM RECADV) on the order it answers (by delivery note or order number); the same receipt again answers 200 and files nothing",
        body: ReceivingAdviceInputSchema,
        response: {
          200: FiledReceivingAdviceSchema,
          201: FiledReceivingAdviceSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const filed = await fileReceivingAdvice(app.db, request.body.text, currentUser(request).id, app.clock.now());
      return reply.status(filed.alreadyFiled ? 200 : 201).send(filed);
    },
  );
};
