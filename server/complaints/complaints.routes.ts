import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import {
  ComplaintDetailSchema,
  ComplaintInputSchema,
  ComplaintQuerySchema,
  ComplaintListSchema,
  ComplaintReplyDraftSchema,
  ComplaintReplySchema,
  ComplaintStepSchema,
  PendingGestureListSchema,
  PortalComplaintListSchema,
  PortalComplaintSchema,
  ResolveComplaintSchema,
} from '../../core/complaints/complaints.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { LotParamsSchema, LotQuerySchema, LotTraceSchema } from '../../core/complaints/lot-trace.schemas.ts';
import { traceLot } from './lot-trace.ts';
import { PHOTO_MAX_BYTES, PHOTOS_PER_COMPLAINT } from '../../core/complaints/photos.ts';
import { addComplaintPhotos, readPhotoUploads } from './complaint-photos.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { answerComplaint, closeComplaint } from './complaint-steps.ts';
import { getComplaint, listComplaints } from './complaints.service.ts';
import { complaintForBuyer, complaintsForBuyer } from './portal-complaint.ts';
import { pendingGesturesOf } from './pending-gestures.ts';
import { recordComplaint } from './record-complaint.ts';
import { resolveComplaint } from './resolve-complaint.ts';
import { complaintReplyDraft, sendComplaintReply } from './complaint-reply.ts';

const tags = ['complaints'];
const Refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const StepRefusals = { ...Refusals, 404: ProblemSchema, 409: ProblemSchema };
/** The desk's full complaint; a buyer gets hers without the desk's own reading of it (portal-complaint.ts). */
const ComplaintAnswer = Type.Union([ComplaintDetailSchema, PortalComplaintSchema]);
/** A buyer reaches only her company's complaints, by id as in the list. */
const OWN_COMPLAINT = { kind: 'record', param: 'id', record: 'complaint', entity: 'Complaint' } as const;

export const complaintsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/complaints',
    {
      // A buyer files hers from the portal, on her own company's orders and deliveries only.
      config: {
        access: [...ORDER_DESK, 'buyer'],
        buyerScope: {
          kind: 'body',
          field: 'customerId',
          set: { channel: 'portal' },
          ignore: ['mood'],
          records: { orderId: { record: 'order', entity: 'Order' }, deliveryId: { record: 'delivery', entity: 'Delivery' } },
        },
        buyerView: complaintForBuyer,
      },
      schema: {
        tags,
        summary: 'Record a complaint: judged against the claim deadline of the terms, its service clock started',
        body: ComplaintInputSchema,
        response: { 201: ComplaintAnswer, ...Refusals, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const complaint = await recordComplaint(app.db, currentUser(request).id, request.body, app.clock.now());
      return reply.code(201).send(complaint);
    },
  );

  app.get(
    '/api/complaints',
    {
      // A buyer lists her company's, whatever customer she asks for.
      config: {
        access: [...STAFF, 'buyer'],
        buyerScope: { kind: 'query', field: 'customerId' },
        buyerView: complaintsForBuyer,
      },
      schema: {
        tags,
        summary: 'Complaints, newest first; overdue=true keeps those past their answer or resolution time',
        querystring: ComplaintQuerySchema,
        response: { 200: Type.Union([ComplaintListSchema, PortalComplaintListSchema]), ...Refusals },
      },
    },
    async (request) => ({ items: await listComplaints(app.db, request.query, app.clock.now()) }),
  );

  app.get(
    '/api/lots/:lot/trace',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Every delivery and customer a lot reached, with quantities and dates, and what remains in stock',
        params: LotParamsSchema,
        querystring: LotQuerySchema,
        response: { 200: LotTraceSchema, ...Refusals, 404: ProblemSchema },
      },
    },
    async (request) => traceLot(app.db, request.params.lot, request.query.productId),
  );

  app.get(
    '/api/complaints/:id',
    {
      config: { access: [...STAFF, 'buyer'], buyerScope: OWN_COMPLAINT, buyerView: complaintForBuyer },
      schema: {
        tags,
        summary: 'One complaint with its lines, deadline, clock and history',
        params: IdParams,
        response: { 200: ComplaintAnswer, ...Refusals, 404: ProblemSchema },
      },
    },
    async (request) => getComplaint(app.db, request.params.id, app.clock.now()),
  );

  app.post(
    '/api/complaints/:id/photos',
    {
      // The buyer adds hers to her company's complaints from the portal.
      config: { access: [...ORDER_DESK, 'buyer'], buyerScope: OWN_COMPLAINT, buyerView: complaintForBuyer },
      schema: {
        tags,
        summary: 'Add the photos the customer sent (JPEG, PNG, HEIC or PDF, judged by their content; several at once)',
        description: `multipart/form-data, one file part per photo (any field name), at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB each, ${PHOTOS_PER_COMPLAINT} per complaint; each gets a thumbnail.`,
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: ComplaintAnswer, ...Refusals, 404: ProblemSchema },
      },
    },
    async (request) => {
      const uploads = await readPhotoUploads(request);
      return addComplaintPhotos(app.db, currentUser(request).id, request.params.id, uploads, app.clock.now());
    },
  );

  app.post(
    '/api/complaints/:id/answer',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'The customer had a first answer: the answer clock stops',
        params: IdParams,
        body: ComplaintStepSchema,
        response: { 200: ComplaintDetailSchema, ...StepRefusals },
      },
    },
    async (request) => answerComplaint(app.db, currentUser(request).id, request.params.id, request.body, app.clock.now()),
  );

  app.post(
    '/api/complaints/:id/resolve',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Settle a complaint (credit note, commercial gesture or refusal) in one transaction, with what it created',
        params: IdParams,
        body: ResolveComplaintSchema,
        response: { 200: ComplaintDetailSchema, ...StepRefusals, 422: ProblemSchema },
      },
    },
    async (request) => resolveComplaint(app.db, currentUser(request), request.params.id, request.body, app.clock.now()),
  );

  app.get(
    '/api/complaints/:id/reply',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The French answer to the customer, drafted from the outcome, and to whom it would go',
        params: IdParams,
        response: { 200: ComplaintReplyDraftSchema, ...Refusals, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => complaintReplyDraft(app.db, request.params.id, app.clock.now()),
  );

  app.post(
    '/api/complaints/:id/reply',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Send the answer: by email through the outbox (the credit note attached), or to print',
        params: IdParams,
        body: ComplaintReplySchema,
        response: { 200: ComplaintDetailSchema, ...Refusals, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => sendComplaintReply(app.db, currentUser(request).id, request.params.id, request.body, app.clock.now()),
  );

  app.post(
    '/api/complaints/:id/close',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Close a resolved or refused complaint',
        params: IdParams,
        body: ComplaintStepSchema,
        response: { 200: ComplaintDetailSchema, ...StepRefusals },
      },
    },
    async (request) => closeComplaint(app.db, currentUser(request).id, request.params.id, request.body, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/gestures',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The commercial gestures promised to the customer that his next order will take off, oldest first',
        params: IdParams,
        response: { 200: PendingGestureListSchema, ...Refusals, 404: ProblemSchema },
      },
    },
    async (request) => pendingGesturesOf(app.db, request.params.id),
  );
};
