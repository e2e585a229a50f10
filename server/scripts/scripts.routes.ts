import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SCRIPT_EDITORS, STAFF } from '../../core/auth/roles.ts';
import {
  CallScriptListSchema,
  CallScriptParamsSchema,
  CallScriptSchema,
  CallScriptTextSchema,
} from '../../core/scripts/call-scripts.schemas.ts';
import { ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { listCallScripts, putCallScript, resetCallScript } from './scripts.service.ts';

const tags = ['call scripts'];
const Refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export const scriptsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/call-scripts',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The script of each call screen (risk, complaint, satisfaction) for each customer typology',
        response: { 200: CallScriptListSchema, ...Refusals },
      },
    },
    async () => ({ items: await listCallScripts(app.db) }),
  );

  app.put(
    '/api/call-scripts/:typology/:screen',
    {
      config: { access: SCRIPT_EDITORS },
      schema: {
        tags,
        summary: "A manager rewrites a typology's script for a call screen (audited)",
        params: CallScriptParamsSchema,
        body: CallScriptTextSchema,
        response: { 200: CallScriptSchema, ...Refusals },
      },
    },
    async (request) =>
      putCallScript(app.db, request.params.typology, request.params.screen, request.body, currentUser(request).id, app.clock.now()),
  );

  app.delete(
    '/api/call-scripts/:typology/:screen',
    {
      config: { access: SCRIPT_EDITORS },
      schema: {
        tags,
        summary: "A manager goes back to Carnet's script for a typology's call screen (audited); answers that script",
        params: CallScriptParamsSchema,
        response: { 200: CallScriptSchema, ...Refusals },
      },
    },
    async (request) => resetCallScript(app.db, request.params.typology, request.params.screen, currentUser(request).id, app.clock.now()),
  );
};
