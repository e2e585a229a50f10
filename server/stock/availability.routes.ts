import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '../../core/auth/roles.ts';
import { CUSTOMER_EDITORS, STAFF } from '../../core/auth/roles.ts';
import { AuditEventSchema } from '../../core/orders/orders.schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { sendWorkbook } from '../http/excel.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { listLots } from './availability.repository.ts';
import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  LotCorrectionSchema,
  LotListSchema,
  LotQuerySchema,
  LotSchema,
  ReceiptInputSchema,
  ReceiptListQuerySchema,
  ReceiptListSchema,
  ReceiptSchema,
  SupplySettingsPatchSchema,
  SupplySettingsSchema,
} from '../../core/stock/availability.schemas.ts';
import { getAvailability } from './availability.service.ts';
import { correctLot, lotHistory, lotsWorkbook } from './lots.service.ts';
import { createReceipt, listReceipts, updateReceipt } from './receipts.service.ts';
import { getSupplySettings, patchSupplySettings } from './supply-settings.ts';

const tags = ['stock'];
/** Production planning tells the manager; she (or the admin) moves a receipt, and the risk scan follows. */
const RECEIPT_EDITORS: readonly Role[] = ['manager', 'admin'];
const Read = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const Write = { ...Read, 404: ProblemSchema, 409: ProblemSchema };

export const availabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/availability',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          'Available to promise: what can be promised of a product on a date (to a customer: lots too old for his minimum shelf life left out), per warehouse, and the earliest complete date',
        querystring: AvailabilityQuerySchema,
        response: { 200: AvailabilitySchema, ...Read, 404: ProblemSchema },
      },
    },
    async (request) => getAvailability(app.db, request.query),
  );

  app.get(
    '/api/planned-receipts',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Planned production and purchase receipts, by date',
        querystring: ReceiptListQuerySchema,
        response: { 200: ReceiptListSchema, ...Read },
      },
    },
    async (request) => ({ items: await listReceipts(app.db, request.query) }),
  );

  app.post(
    '/api/planned-receipts',
    {
      config: { access: RECEIPT_EDITORS },
      schema: { tags, summary: 'Plan a receipt', body: ReceiptInputSchema, response: { 201: ReceiptSchema, ...Write } },
    },
    async (request, reply) => reply.status(201).send(await createReceipt(app.db, request.body, currentUser(request).id, app.clock.now())),
  );

  app.put(
    '/api/planned-receipts/:id',
    {
      config: { access: RECEIPT_EDITORS },
      schema: {
        tags,
        summary: 'Move, resize or cancel (status cancelled) a receipt; its original date is kept',
        params: IdParams,
        body: ReceiptInputSchema,
        response: { 200: ReceiptSchema, ...Write },
      },
    },
    async (request) => updateReceipt(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/stock-lots',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Lots on hand with their production date and DDM, oldest DDM first',
        querystring: LotQuerySchema,
        response: { 200: LotListSchema, ...Read },
      },
    },
    async (request) => ({
      items: await listLots(app.db, {
        productIds: request.query.productId === undefined ? undefined : [request.query.productId],
        warehouseId: request.query.warehouseId,
      }),
    }),
  );

  app.get(
    '/api/stock-lots/history',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Who corrected the lots (a product's, a warehouse's), what and when (before and after), newest first",
        querystring: LotQuerySchema,
        response: { 200: Type.Array(AuditEventSchema), ...Read },
      },
    },
    async (request) => lotHistory(app.db, request.query),
  );

  app.get(
    '/api/stock-lots.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The lots (a product's, a warehouse's) as an Excel workbook, oldest DDM first",
        querystring: LotQuerySchema,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...Read },
      },
    },
    async (request, reply) => sendWorkbook(reply, 'lots.xlsx', await lotsWorkbook(app.db, request.query)),
  );

  app.put(
    '/api/stock-lots/:id',
    {
      config: { access: RECEIPT_EDITORS },
      schema: {
        tags,
        summary: "Correct a lot's quantity, DDM or production date after a count (audited before and after)",
        params: IdParams,
        body: LotCorrectionSchema,
        response: { 200: LotSchema, ...Write },
      },
    },
    async (request) => correctLot(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );

  app.get(
    '/api/customers/:id/supply-settings',
    {
      config: { access: STAFF },
      schema: {
        tags: ['customers'],
        summary: 'What the customer accepts when stock is short (4493 SC/BK/SP/IS/CD) and his minimum remaining shelf life',
        params: IdParams,
        response: { 200: SupplySettingsSchema, ...Read, 404: ProblemSchema },
      },
    },
    async (request) => getSupplySettings(app.db, request.params.id),
  );

  app.patch(
    '/api/customers/:id/supply-settings',
    {
      config: { access: CUSTOMER_EDITORS },
      schema: {
        tags: ['customers'],
        summary: 'Change some of the customer’s shortage settings (the fields given); ship complete excludes a partial delivery (422)',
        params: IdParams,
        body: SupplySettingsPatchSchema,
        response: { 200: SupplySettingsSchema, ...Read, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => patchSupplySettings(app.db, request.params.id, request.body, currentUser(request).id, app.clock.now()),
  );
};
