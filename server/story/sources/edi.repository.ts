import { belowBound, type TimelineSource } from './keyset.ts';

/**
 * His EDI messages with a problem: refused, or waiting in the queue for the desk. Once the desk has fixed a waiting
 * one it is accepted like any other and leaves the story (its order's own entries tell the rest): the message keeps
 * no mark that it once waited.
 */
export const ediProblems: TimelineSource = {
  kind: 'edi-problem',
  async read(db, customerId, bound, limit) {
    const rows = await db
      .selectFrom('ediMessages')
      .select(['id', 'createdAt', 'type', 'status', 'documentNumber', 'orderId'])
      .where('customerId', '=', customerId)
      .where('status', 'in', ['queued', 'rejected'])
      .where(belowBound('createdAt', 'id', bound))
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'edi-problem' as const,
      id: r.id,
      at: r.createdAt,
      ref: r.orderId ? { type: 'order' as const, id: r.orderId } : { type: 'edi' as const, id: r.id },
      params: { type: r.type, status: r.status, document: r.documentNumber },
    }));
  },
};
