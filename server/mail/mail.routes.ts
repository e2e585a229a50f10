import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { DocumentIdSchema, IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { findOrderRow } from '../orders/orders.repository.ts';
import { OUTBOX_STATUSES, type OutboxStatus } from './mail.table.ts';
import { listOrderEmailRows } from './outbox.repository.ts';

const OrderEmailSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: '`acknowledgement`: the order acknowledgement (ARC)' }),
  documentId: Type.Union([DocumentIdSchema, Type.Null()], { description: 'The attached document: GET /api/documents/{id}' }),
  to: Type.Union([Type.String(), Type.Null()]),
  toName: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  status: Type.Union(OUTBOX_STATUSES.map((s) => Type.Literal(s))),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()], { description: 'When a pending email is tried next' }),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export async function listOrderEmails(db: DbOrTrx, orderId: number) {
  if (!(await findOrderRow(db, orderId))) throw notFound('Order', orderId);
  const rows = await listOrderEmailRows(db, orderId);
  return rows.map(({ toAddress, nextAttemptAt, ...r }) => ({
    ...r,
    to: toAddress,
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: r.status === 'pending' ? nextAttemptAt : null,
  }));
}

export const mailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orders/:id/emails',
    {
      config: { access: STAFF },
      schema: {
        tags: ['orders'],
        summary: "The emails sent about an order (its acknowledgements), oldest first: pending, sent, or failed with the error",
        params: IdParams,
        response: { 200: Type.Array(OrderEmailSchema), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => listOrderEmails(app.db, request.params.id),
  );
};
