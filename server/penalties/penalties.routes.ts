import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CUSTOMER_EDITORS, ORDER_DESK, type Role, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  ClauseInputSchema,
  ContestInputSchema,
  CustomerClauseSchema,
  DeliveryPenaltySchema,
  ExposureQuerySchema,
  ExposureSchema,
  NoticeInputSchema,
  NoticeListQuerySchema,
  NoticeListSchema,
  NoticeSchema,
  SettleInputSchema,
  WithdrawInputSchema,
} from '../../core/penalties/penalties.schemas.ts';
import { deliveryPenalty, getPenaltyClause, orderExposure, savePenaltyClause } from './penalty-estimates.ts';
import { contestNotice, getNotice, listNotices, recordNotice, settleNotice, withdrawNotice } from './penalty-notices.ts';

const tags = ['penalties'];
/** Settling commits the company's money: the manager's call. */
const SETTLERS: readonly Role[] = ['manager'];
const readErrors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const writeErrors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};

export const penaltiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/customers/:id/penalty-clause',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "A customer's logistic-penalty clause, whether L441-17 applies, and the legal frame",
        params: IdParams,
        response: { 200: CustomerClauseSchema, ...readErrors },
      },
    },
    async (request) => getPenaltyClause(app.db, request.params.id),
  );

  app.put(
    '/api/customers/:id/penalty-clause',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags,
        summary: "Set a customer's penalty clause (amounts in cents, rates in basis points)",
        params: IdParams,
        body: ClauseInputSchema,
        response: { 200: CustomerClauseSchema, ...writeErrors },
      },
    },
    async (request) => savePenaltyClause(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/deliveries/:id/penalty',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'The penalty a delivered delivery exposes: late against the promised date, short against what it was to bring, capped at 2 % per category',
        params: IdParams,
        response: { 200: DeliveryPenaltySchema, ...readErrors },
      },
    },
    async (request) => deliveryPenalty(app.db, request.params.id),
  );

  app.get(
    '/api/orders/:id/penalty-exposure',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'What is at stake if the promised date slips by daysLate days, and if the order leaves on time with lines short (short=lineId:quantity, repeatable)',
        params: IdParams,
        querystring: ExposureQuerySchema,
        response: { 200: ExposureSchema, ...readErrors },
      },
    },
    async (request) => {
      const short = (request.query.short ?? []).map((s) => {
        const [lineId, quantity] = s.split(':').map(Number);
        return { lineId, quantity };
      });
      return orderExposure(app.db, request.params.id, request.query.daysLate ?? 1, short);
    },
  );

  app.get(
    '/api/penalty-notices',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Penalty notices received, newest first, each with its legal checks; due=soon|overdue|any for the contest reminders',
        querystring: NoticeListQuerySchema,
        response: { 200: NoticeListSchema, ...readErrors },
      },
    },
    async (request) => ({ items: await listNotices(app.db, request.query, app.clock.now()) }),
  );

  app.get(
    '/api/penalty-notices/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'One penalty notice with its legal checks and the amount to accept',
        params: IdParams,
        response: { 200: NoticeSchema, ...readErrors },
      },
    },
    async (request) => getNotice(app.db, request.params.id, app.clock.now()),
  );

  app.post(
    '/api/penalty-notices',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Record a penalty notice received, with what proof came with it',
        body: NoticeInputSchema,
        response: { 201: NoticeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await recordNotice(app.db, request.body, currentUser(request), app.clock.now());
      return reply.status(201).send(await getNotice(app.db, id, app.clock.now()));
    },
  );

  app.post(
    '/api/penalty-notices/:id/contest',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Contest a notice: prints and files the letter with the legal grounds, sets the follow-up date',
        params: IdParams,
        body: ContestInputSchema,
        response: { 200: NoticeSchema, ...writeErrors },
      },
    },
    async (request) => {
      await contestNotice(app.db, request.params.id, request.body.reason.trim(), currentUser(request), app.config.dataDir, app.clock.now());
      return getNotice(app.db, request.params.id, app.clock.now());
    },
  );

  app.post(
    '/api/penalty-notices/:id/settle',
    {
      config: { access: SETTLERS },
      schema: {
        tags,
        summary: 'Settle a notice at the amount agreed (never more than claimed)',
        params: IdParams,
        body: SettleInputSchema,
        response: { 200: NoticeSchema, ...writeErrors },
      },
    },
    async (request) => {
      await settleNotice(
        app.db,
        request.params.id,
        request.body.acceptedCents,
        request.body.note?.trim() || null,
        currentUser(request),
        app.clock.now(),
      );
      return getNotice(app.db, request.params.id, app.clock.now());
    },
  );

  app.post(
    '/api/penalty-notices/:id/withdraw',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'The customer withdrew the notice: nothing is owed',
        params: IdParams,
        body: WithdrawInputSchema,
        response: { 200: NoticeSchema, ...writeErrors },
      },
    },
    async (request) => {
      await withdrawNotice(app.db, request.params.id, request.body.note?.trim() || null, currentUser(request), app.clock.now());
      return getNotice(app.db, request.params.id, app.clock.now());
    },
  );
};
