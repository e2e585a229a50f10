import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { type OrderEmail, OrderEmailSchema } from '../../core/mail/mail.schemas.ts';
import { findOrderRow } from '../orders/orders.repository.ts';
import type { OutboxStatus } from './mail.table.ts';
import { listOrderEmailRows } from './outbox.repository.ts';

export async function listOrderEmails(db: DbOrTrx, orderId: number) {
  if (!(await findOrderRow(db, orderId))) throw notFound('Order', orderId);
  const rows = await listOrderEmailRows(db, orderId);
  return rows.map(({ toAddress, nextAttemptAt, ...r }) => ({
    ...r,
    to: toAddress,
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: r.status === 'pending' ? nextAttemptAt : null,
    error: mailError(r.lastError, toAddress),
  }));
}

/** The stored English error as a code the screens translate: no address to send to, or what the mail server said. */
function mailError(lastError: string | null, toAddress: string | null): OrderEmail['error'] {
  if (lastError === null) return null;
  return toAddress === null ? { code: 'no-recipient', params: {} } : { code: 'smtp', params: { reply: lastError } };
}

export const mailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orders/:id/emails',
    {
      config: { access: STAFF },
      schema: {
        tags: ['orders'],
        summary: 'The emails sent about an order (its acknowledgements), oldest first: pending, sent, or failed with the error',
        params: IdParams,
        response: { 200: Type.Array(OrderEmailSchema), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => listOrderEmails(app.db, request.params.id),
  );
};
