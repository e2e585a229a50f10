import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MASTER_DATA_ADMINS, ORDER_APPROVERS, ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { EdiSyntaxError } from '../../core/edi/errors.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import {
  AcceptCustomerPriceSchema,
  AcceptPriceFixSchema,
  ApproveFindingFixSchema,
  ChooseDeliveryPointFixSchema,
  EdiFixResultSchema,
  EdiPartnerCreatedSchema,
  EdiPartnerInputSchema,
  EdiPartnerListSchema,
  EdiQueueCountSchema,
  EdiQueueSchema,
  EdiTokenSchema,
  InterchangesTakenSchema,
  MapProductFixSchema,
  OrderEdiSchema,
  ProductCandidatesQuerySchema,
  ProductCandidatesSchema,
} from '../../core/edi/edi.schemas.ts';
import { OrderDetailSchema } from '../../core/orders/orders.schemas.ts';
import { getOrderDetail } from '../orders/orders.service.ts';
import { AppError, invalid } from '../errors.ts';
import { ediSyntaxProblem } from './edi-problem.ts';
import {
  acceptOrderLinePrice,
  acceptPriceFix,
  approveFindingFix,
  authenticatePartner,
  chooseDeliveryPointFix,
  createEdiPartner,
  ediQueue,
  ediQueueCount,
  ingestBody,
  listEdiPartners,
  mapProductFix,
  orderEdi,
  productCandidates,
  rotateEdiToken,
} from './edi.service.ts';

const tags = ['edi'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
/** An interchange up to 50 MB over HTTP; larger files go through the folder or the CLI, which stream. */
export const EDI_HTTP_LIMIT_BYTES = 50 * 1024 * 1024;

export const ediRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The interchange arrives as raw bytes (its charset is the interchange's, not HTTP's), whatever type the sender
  // says: `curl --data-binary @file` says application/x-www-form-urlencoded.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    ['application/edifact', 'application/edi-x12', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded'],
    { parseAs: 'buffer', bodyLimit: EDI_HTTP_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/edi/interchanges',
    {
      // Public in the session sense: the partner's bearer token is checked by the handler itself.
      config: { access: 'public' },
      bodyLimit: EDI_HTTP_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          "A partner sends an interchange (raw EDIFACT body, Authorization: Bearer <partner token>): 202 with each message's outcome, 200 when it is a duplicate, 409 while another door is taking the same interchange in",
        response: { 200: InterchangesTakenSchema, 202: InterchangesTakenSchema, ...errors, 413: ProblemSchema },
      },
    },
    async (request, reply) => {
      const partner = await authenticatePartner(app.db, request.headers.authorization);
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw invalid('body', 'required', {}, 'is empty: send the interchange as the request body (Content-Type: application/edifact)');
      try {
        const results = await ingestBody(app.db, partner, body, app.clock, request.log);
        const busy = results.filter((r) => r.status === 'in-progress');
        if (busy.length) {
          // Another door holds it: nothing was created here. Sent again later, it is answered as a duplicate.
          throw new AppError(
            'CONFLICT',
            `Interchange ${busy.map((r) => r.controlReference).join(', ')} is being taken in through another door; send it again in a few minutes.`,
            [],
            { interchanges: results },
          );
        }
        const duplicate = results.length > 0 && results.every((r) => r.status === 'duplicate');
        return reply.code(duplicate ? 200 : 202).send({ status: duplicate ? 'duplicate' : 'accepted', interchanges: results });
      } catch (error) {
        if (error instanceof EdiSyntaxError) return reply.code(422).type('application/problem+json').send(ediSyntaxProblem(error.location));
        throw error;
      }
    },
  );

  app.get(
    '/api/edi/partners',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: { tags, summary: 'EDI partners', response: { 200: EdiPartnerListSchema, ...errors } },
    },
    async () => ({ items: await listEdiPartners(app.db) }),
  );

  app.post(
    '/api/edi/partners',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags,
        summary: 'Creates an EDI partner for a customer; the API token is shown in this answer only',
        body: EdiPartnerInputSchema,
        response: { 201: EdiPartnerCreatedSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createEdiPartner(app.db, request.body, app.clock.now())),
  );

  app.post(
    '/api/edi/partners/:id/rotate-token',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags,
        summary: 'A new API token for the partner (the old one stops working); shown once',
        params: IdParams,
        response: { 200: EdiTokenSchema, ...errors },
      },
    },
    async (request) => rotateEdiToken(app.db, request.params.id),
  );

  app.get(
    '/api/edi/queue',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'EDI messages waiting for a person ("EDI à traiter"), each finding beside the raw segment it comes from',
        response: { 200: EdiQueueSchema, ...errors },
      },
    },
    async () => ediQueue(app.db, app.clock),
  );

  app.get(
    '/api/edi/queue/count',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'How many EDI messages wait', response: { 200: EdiQueueCountSchema, ...errors } },
    },
    async () => ({
      count: await ediQueueCount(app.db),
    }),
  );

  app.post(
    '/api/edi/messages/:id/map-product',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: "Maps the customer's unknown code to a product (remembered as a customer product code), then the message goes on",
        params: IdParams,
        body: MapProductFixSchema,
        response: { 200: EdiFixResultSchema, ...errors },
      },
    },
    async (request) => mapProductFix(app.db, request.params.id, request.body, currentUser(request), app.clock),
  );

  app.get(
    '/api/edi/messages/:id/product-candidates',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          "The products to propose first for the customer's unknown code: those the line's own free text (IMD) names, the customer's agreed assortment first among equals",
        params: IdParams,
        querystring: ProductCandidatesQuerySchema,
        response: { 200: ProductCandidatesSchema, ...errors },
      },
    },
    async (request) => productCandidates(app.db, request.params.id, request.query.code),
  );

  app.post(
    '/api/edi/messages/:id/approve',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary:
          "A manager answers one approval finding of the message's order: approved for this order (approve-once), or, outside the assortment, the product added to the customer's agreed assortment (add-to-listing); then the message goes on as the partner's setting says",
        params: IdParams,
        body: ApproveFindingFixSchema,
        response: { 200: EdiFixResultSchema, ...errors },
      },
    },
    async (request) => approveFindingFix(app.db, request.params.id, request.body, currentUser(request), app.clock),
  );

  app.post(
    '/api/edi/messages/:id/choose-delivery-point',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Chooses the delivery point of a message whose DP GLN is unknown, then the message goes on',
        params: IdParams,
        body: ChooseDeliveryPointFixSchema,
        response: { 200: EdiFixResultSchema, ...errors },
      },
    },
    async (request) => chooseDeliveryPointFix(app.db, request.params.id, request.body, app.clock),
  );

  app.post(
    '/api/edi/messages/:id/accept-price',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          "Answers the customer's price on the line: his accepted (above the terms' threshold, a manager's decision) or ours kept (the ORDRSP tells him); then the message goes on",
        params: IdParams,
        body: AcceptPriceFixSchema,
        response: { 200: EdiFixResultSchema, ...errors },
      },
    },
    async (request) => acceptPriceFix(app.db, request.params.id, request.body, currentUser(request), app.clock),
  );

  app.post(
    '/api/orders/:id/accept-customer-price',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags: ['orders'],
        summary:
          "Answers the price the customer sent (EDI PRI) on a draft's line: his (priced and invoiced at it; above the terms' threshold only a manager) or ours (kept, told in the ORDRSP); the price-mismatch finding is settled (audited); a waiting EDI message goes on",
        params: IdParams,
        body: AcceptCustomerPriceSchema,
        response: { 200: OrderDetailSchema, ...errors },
      },
    },
    async (request) => {
      await acceptOrderLinePrice(app.db, request.params.id, request.body, currentUser(request), app.clock);
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.get(
    '/api/orders/:id/edi',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The order's EDI messages: the ORDERS it came as and the ORDRSP / DESADV / INVOIC sent, with their raw documents",
        params: IdParams,
        response: { 200: OrderEdiSchema, ...errors },
      },
    },
    async (request) => orderEdi(app.db, request.params.id),
  );
};
