import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORDER_APPROVERS, ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { deliverOrder } from '../deliveries/deliver-order.ts';
import { releaseOrder } from '../deliveries/release-order.ts';
import { shipOrder } from '../deliveries/ship-order.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { approveOrder, listApprovals, overrideFinding } from './approvals.ts';
import { goOnWithOrder } from '../edi/edi.service.ts';
import { confirmOrder } from './confirm-order.ts';
import {
  ApprovalsQuerySchema,
  ApprovalsSchema,
  ApproveInputSchema,
  OverrideInputSchema,
  QuoteSchema,
} from '../../core/orders/findings.schemas.ts';
import { cancelOrder, closeOrder } from './order-transitions.ts';
import { quoteOrder } from './quote-order.ts';
import { loadOrderContext } from './order-context.ts';
import {
  AuditEventSchema,
  CancelInputSchema,
  DeliverInputSchema,
  OrderAvailabilityQuerySchema,
  OrderAvailabilitySchema,
  OrderChangeSchema,
  OrderContextQuerySchema,
  OrderContextSchema,
  OrderDetailSchema,
  OrderInputSchema,
  OrderListQuerySchema,
  OrderListSchema,
  ShipInputSchema,
} from '../../core/orders/orders.schemas.ts';
import { getOrderDetail, listOrderEvents, listOrders } from './orders.service.ts';
import { BUYER_ORDER_SCOPE, confirmFromPortal, orderForBuyer, quoteForBuyer } from './portal-orders.ts';
import { saveNewOrder, updateDraft } from './save-order.ts';
import { changeOrder } from './change-order.ts';
import { customerOrderAvailability } from './order-availability.ts';

const tags = ['orders'];
const readErrors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  422: ProblemSchema,
};

export const ordersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/customers/:id/order-context',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'What the entry screen needs to price and check an order for this customer as it is typed',
        params: IdParams,
        querystring: OrderContextQuerySchema,
        response: { 200: OrderContextSchema, ...readErrors },
      },
    },
    async (request) => loadOrderContext(app.db, request.params.id, app.clock.now(), request.query.orderId),
  );

  app.get(
    '/api/customers/:id/order-availability',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "What order entry needs to run the availability rule as she types: stock, lots, receipts and other orders of these products and their substitutes, with the customer's minimum shelf life (the pool the risk scan and shipping use)",
        params: IdParams,
        querystring: OrderAvailabilityQuerySchema,
        response: { 200: OrderAvailabilitySchema, 400: ProblemSchema, ...readErrors },
      },
    },
    async (request) =>
      customerOrderAvailability(app.db, request.params.id, request.query.productIds.split(',').map(Number), request.query.orderId),
  );

  app.get(
    '/api/orders',
    {
      config: { access: [...STAFF, 'buyer'], buyerScope: { kind: 'query', field: 'customerId' } },
      schema: {
        tags,
        summary: 'Orders, newest first; q finds the order number or the customer PO reference; from/to bound the requested date',
        querystring: OrderListQuerySchema,
        response: {
          200: OrderListSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) => listOrders(app.db, { ...request.query, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );

  app.get(
    '/api/orders/:id',
    {
      config: {
        access: [...STAFF, 'buyer'],
        buyerScope: { kind: 'record', param: 'id', record: 'order', entity: 'Order' },
        buyerView: orderForBuyer,
      },
      schema: {
        tags,
        summary: 'One order with its deliveries, backorders and the actions its status allows',
        params: IdParams,
        response: { 200: OrderDetailSchema, ...readErrors },
      },
    },
    async (request) => getOrderDetail(app.db, request.params.id, app.clock.now()),
  );

  app.get(
    '/api/orders/:id/events',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The order's timeline, oldest first",
        params: IdParams,
        response: { 200: Type.Array(AuditEventSchema), ...readErrors },
      },
    },
    async (request) => listOrderEvents(app.db, request.params.id),
  );

  app.post(
    '/api/orders',
    {
      config: { access: [...ORDER_DESK, 'buyer'], buyerScope: BUYER_ORDER_SCOPE, buyerView: orderForBuyer },
      schema: {
        tags,
        summary: 'Take an order (a draft); lines by our product id, a GTIN or the customer’s own code',
        body: OrderInputSchema,
        response: { 201: OrderDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await saveNewOrder(app.db, request.body, currentUser(request), app.clock.now());
      if (currentUser(request).role === 'buyer')
        await confirmFromPortal(app.db, saved.id, request.body.customerId, currentUser(request), app.clock.now());
      return reply.status(201).send(await getOrderDetail(app.db, saved.id, app.clock.now(), saved));
    },
  );

  app.post(
    '/api/orders/quote',
    {
      config: { access: [...ORDER_DESK, 'buyer'], buyerScope: BUYER_ORDER_SCOPE, buyerView: quoteForBuyer },
      schema: {
        tags,
        summary:
          'Price and check an order without writing anything: the same body and the same 422 as POST /api/orders, the priced lines, totals, findings and suggestions',
        body: OrderInputSchema,
        response: { 200: QuoteSchema, ...writeErrors },
      },
    },
    async (request) => quoteOrder(app.db, request.body, app.clock.now()),
  );

  app.get(
    '/api/approvals',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary:
          "The manager's queue: drafts with a block or an approval finding nobody answered, oldest first, with customer, amount and findings",
        querystring: ApprovalsQuerySchema,
        response: { 200: ApprovalsSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => listApprovals(app.db, { limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );

  app.post(
    '/api/orders/:id/approve',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary: 'A manager approves every approval finding of a draft, with a reason (audited); its EDI message, if it waits, goes on',
        params: IdParams,
        body: ApproveInputSchema,
        response: { 200: OrderDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      await approveOrder(app.db, request.params.id, currentUser(request), request.body.reason.trim(), app.clock.now());
      await goOnWithOrder(app.db, request.params.id, app.clock);
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.post(
    '/api/orders/:id/override',
    {
      config: { access: ORDER_APPROVERS },
      schema: {
        tags,
        summary:
          "A manager overrides a draft's block finding (one rule, one line or all its lines), with a reason (audited); its EDI message, if it waits, goes on",
        params: IdParams,
        body: OverrideInputSchema,
        response: { 200: OrderDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { rule, lineId, reason } = request.body;
      await overrideFinding(app.db, request.params.id, currentUser(request), { rule, lineId, reason: reason.trim() }, app.clock.now());
      await goOnWithOrder(app.db, request.params.id, app.clock);
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.put(
    '/api/orders/:id',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary: 'Edit a draft: header and lines are replaced',
        params: IdParams,
        body: OrderInputSchema,
        response: { 200: OrderDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const saved = await updateDraft(app.db, request.params.id, request.body, currentUser(request), app.clock.now());
      return getOrderDetail(app.db, saved.id, app.clock.now(), saved);
    },
  );

  app.patch(
    '/api/orders/:id',
    {
      config: { access: ORDER_DESK },
      schema: {
        tags,
        summary:
          'Change a draft, confirmed or released order (lines, date, delivery point, note): the rules run again (422 with `findings` when the change needs a manager), deliveries and reservations follow, a new acknowledgement version; 409 once goods have shipped',
        params: IdParams,
        body: OrderChangeSchema,
        response: { 200: OrderDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const saved = await changeOrder(app.db, request.params.id, request.body, currentUser(request), app.clock.now());
      return getOrderDetail(app.db, saved.id, app.clock.now(), saved.suggestions ? saved : {});
    },
  );

  const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));
  const transition = <B extends TSchema>(summary: string, body: B) => ({
    config: { access: ORDER_DESK },
    schema: { tags, summary, params: IdParams, body, response: { 200: OrderDetailSchema, ...writeErrors } },
  });

  app.post(
    '/api/orders/:id/confirm',
    transition(
      'Confirm a draft: every rule runs again; 422 listing the block and approval findings nobody answered (`findings`)',
      EmptyBody,
    ),
    async (request) => {
      await confirmOrder(app.db, request.params.id, currentUser(request), app.clock.now());
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.post(
    '/api/orders/:id/release',
    transition(
      'Release to the warehouses: one delivery per warehouse holding the products, stock reserved there (short if need be)',
      EmptyBody,
    ),
    async (request) => {
      await releaseOrder(app.db, request.params.id, currentUser(request), app.clock.now());
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.post(
    '/api/orders/:id/ship',
    transition(
      'Ship every planned delivery: takes the goods out of stock (never below zero) and prints one delivery note each',
      Type.Optional(ShipInputSchema),
    ),
    async (request) => {
      await shipOrder(
        app.db,
        request.params.id,
        currentUser(request),
        { deliveryNoteNumber: request.body?.deliveryNoteNumber, dataDir: app.config.dataDir },
        app.clock.now(),
      );
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.post(
    '/api/orders/:id/deliver',
    transition(
      'Record what was delivered, lines of all shipped deliveries in one report; each shortfall is backordered or cancelled',
      DeliverInputSchema,
    ),
    async (request) => {
      await deliverOrder(app.db, request.params.id, currentUser(request), request.body.lines, app.clock.now());
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );

  app.post('/api/orders/:id/close', transition('Close a delivered order', EmptyBody), async (request) => {
    await closeOrder(app.db, request.params.id, currentUser(request), app.clock.now());
    return getOrderDetail(app.db, request.params.id, app.clock.now());
  });

  app.post(
    '/api/orders/:id/cancel',
    transition('Cancel a draft or a confirmed order (nothing is reserved yet)', Type.Optional(CancelInputSchema)),
    async (request) => {
      await cancelOrder(app.db, request.params.id, currentUser(request), request.body?.reason?.trim() || null, app.clock.now());
      return getOrderDetail(app.db, request.params.id, app.clock.now());
    },
  );
};
