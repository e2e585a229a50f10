import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ORDER_APPROVERS, ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import {
  AbsenceInputSchema,
  AbsenceSchema,
  AssignItemSchema,
  CreatedSchema,
  DayQuerySchema,
  DayRefParams,
  DaySchema,
  DaySeenSchema,
  HandoverInputSchema,
  HandoverListSchema,
  HandoverNoteSchema,
  HandoverQuerySchema,
  ItemMovedSchema,
  PostponeItemSchema,
  TeamLoadSchema,
  TeamQuerySchema,
  WorkTimingInputSchema,
} from '../../core/day/day.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import {
  addHandoverNote,
  assignItem,
  listHandoverNotes,
  markDaySeen,
  postponeItem,
  readableDay,
  recordAbsence,
  removeAbsence,
  recordWorkTiming,
  teamLoad,
} from './team.service.ts';

const tags = ['day'];
const Problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The assistant's planned day, the team's load, and what moves work between them. */
export const dayRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/day',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Her day, planned: every item ranked, with why and how long; a manager may read a colleague's",
        querystring: DayQuerySchema,
        response: { 200: DaySchema, ...Problems },
      },
    },
    async (request) => readableDay(app.db, currentUser(request), request.query.userId, request.query.date, app.clock.now()),
  );

  app.post(
    '/api/day/seen',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'She has seen her day: changes are shown against it from now on',
        body: DaySeenSchema,
        response: { 204: Type.Null(), ...Problems },
      },
    },
    async (request, reply) => {
      await markDaySeen(app.db, currentUser(request), request.body.date, request.body.refs, app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/day/items/:ref/assign',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary: 'Give a piece of the day to someone (manager)',
        params: DayRefParams,
        body: AssignItemSchema,
        response: { 200: ItemMovedSchema, ...Problems },
      },
    },
    async (request) => assignItem(app.db, request.params.ref, request.body, currentUser(request), app.clock.now()),
  );

  app.post(
    '/api/day/items/:ref/postpone',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Leave a piece of work for another day (the next working day by default)',
        params: DayRefParams,
        body: PostponeItemSchema,
        response: { 200: ItemMovedSchema, ...Problems },
      },
    },
    async (request) => postponeItem(app.db, request.params.ref, request.body.date, currentUser(request), app.clock.now()),
  );

  app.get(
    '/api/day/team',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary: "Each assistant's load against her time, today and this week",
        querystring: TeamQuerySchema,
        response: { 200: TeamLoadSchema, ...Problems },
      },
    },
    async (request) => teamLoad(app.db, request.query.date ?? parisNow(app.clock.now()).date, app.clock.now()),
  );

  app.post(
    '/api/day/absences',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary: 'An absence; a colleague covering it takes her portfolio for those days',
        body: AbsenceInputSchema,
        response: { 201: AbsenceSchema, ...Problems },
      },
    },
    async (request, reply) => reply.code(201).send(await recordAbsence(app.db, request.body, currentUser(request), app.clock.now())),
  );

  app.delete(
    '/api/day/absences/:id',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary: 'Removes an absence: her time and her portfolio are hers again for those days',
        params: IdParams,
        response: { 204: Type.Null(), ...Problems },
      },
    },
    async (request, reply) => {
      await removeAbsence(app.db, request.params.id, currentUser(request), app.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/handover-notes',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Handover notes on a customer or an item, newest first',
        querystring: HandoverQuerySchema,
        response: { 200: HandoverListSchema, ...Problems },
      },
    },
    async (request) => ({ items: await listHandoverNotes(app.db, request.query) }),
  );

  app.post(
    '/api/handover-notes',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Leave a note for whoever takes the customer or the item next',
        body: HandoverInputSchema,
        response: { 201: HandoverNoteSchema, ...Problems },
      },
    },
    async (request, reply) => reply.code(201).send(await addHandoverNote(app.db, request.body, currentUser(request), app.clock.now())),
  );

  app.post(
    '/api/work-timings',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'A piece of work timed from opening to finishing (what the estimates learn from)',
        body: WorkTimingInputSchema,
        response: { 201: CreatedSchema, ...Problems },
      },
    },
    async (request, reply) => reply.code(201).send(await recordWorkTiming(app.db, request.body, currentUser(request), app.clock.now())),
  );
};
