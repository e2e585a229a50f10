import { ORDER_STORY_ACTIONS } from '../../../core/customers/timeline.ts';
import { belowBound, type TimelineSource } from './keyset.ts';

/** An order's life as the audit kept it: created, approved, confirmed, cancelled. */
export const orderEvents: TimelineSource = {
  kind: 'order',
  async read(db, customerId, bound, limit) {
    const rows = await db
      .selectFrom('auditEvents')
      .innerJoin('orders', 'orders.id', 'auditEvents.orderId')
      .select(['auditEvents.id', 'auditEvents.at', 'auditEvents.action', 'orders.id as orderId', 'orders.number', 'orders.grossCents'])
      .where('orders.customerId', '=', customerId)
      .where('auditEvents.entityType', '=', 'order')
      .where('auditEvents.action', 'in', [...ORDER_STORY_ACTIONS])
      .where(belowBound('auditEvents.at', 'auditEvents.id', bound))
      .orderBy('auditEvents.at', 'desc')
      .orderBy('auditEvents.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'order' as const,
      id: r.id,
      at: r.at,
      ref: { type: 'order' as const, id: r.orderId },
      params: { action: r.action, number: r.number, grossCents: Number(r.grossCents) },
    }));
  },
};
