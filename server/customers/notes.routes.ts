import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import {
  CustomerNoteInputSchema,
  CustomerNoteParamsSchema,
  CustomerNotePatchSchema,
  CustomerNoteSchema,
} from '../../core/customers/notes.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { addNote, changeNote } from './notes.service.ts';

const tags = ['customers'];
const Problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** Notes for colleagues: every staff member writes them, as anyone at the desk may take the customer's call. */
export const notesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/customers/:id/notes',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Leave a note for colleagues; a pinned one shows at order entry and on the call screen',
        params: IdParams,
        body: CustomerNoteInputSchema,
        response: { 201: CustomerNoteSchema, ...Problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now())),
  );

  app.patch(
    '/api/customers/:id/notes/:noteId',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Pin, unpin or reword a note',
        params: CustomerNoteParamsSchema,
        body: CustomerNotePatchSchema,
        response: { 200: CustomerNoteSchema, ...Problems },
      },
    },
    async (request) => changeNote(app.db, request.params.id, request.params.noteId, request.body, currentUser(request).id, app.clock.now()),
  );
};
