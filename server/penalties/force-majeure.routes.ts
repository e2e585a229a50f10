import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { AuditEventSchema } from '../../core/orders/orders.schemas.ts';
import { ForceMajeureInputSchema, ForceMajeureSchema } from '../../core/penalties/penalties.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { changeForceMajeure, forceMajeureHistory, forceMajeureWorkbook, listForceMajeure, recordForceMajeure } from './force-majeure.ts';
import { sendWorkbook } from '../http/excel.ts';

const tags = ['penalties'];
/** Managers and admins record and change the periods, as every commercial setting; the desk reads them. */
const EDITORS = CUSTOMER_EDITORS;
const readErrors = { 401: ProblemSchema, 403: ProblemSchema };
const writeErrors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const forceMajeureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/force-majeure-periods',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Company-wide force-majeure periods, newest first',
        response: { 200: Type.Array(ForceMajeureSchema), ...readErrors },
      },
    },
    async () => listForceMajeure(app.db),
  );

  app.get(
    '/api/force-majeure-periods/history',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Who recorded or changed the force-majeure periods, what and when (before and after), newest first',
        response: { 200: Type.Array(AuditEventSchema), ...readErrors },
      },
    },
    async () => forceMajeureHistory(app.db),
  );

  app.get(
    '/api/force-majeure-periods.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The force-majeure periods as an Excel workbook',
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...readErrors },
      },
    },
    async (_request, reply) => sendWorkbook(reply, 'force-majeure.xlsx', await forceMajeureWorkbook(app.db)),
  );

  app.post(
    '/api/force-majeure-periods',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Record a force-majeure period (for every category, or some): late penalties are not due during it',
        body: ForceMajeureInputSchema,
        response: { 201: ForceMajeureSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordForceMajeure(app.db, request.body, currentUser(request), app.clock.now())),
  );

  app.put(
    '/api/force-majeure-periods/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Change a force-majeure period; end it by moving its end date (the history keeps what it was)',
        params: IdParams,
        body: ForceMajeureInputSchema,
        response: { 200: ForceMajeureSchema, ...writeErrors },
      },
    },
    async (request) => changeForceMajeure(app.db, request.params.id, request.body, currentUser(request), app.clock.now()),
  );
};
