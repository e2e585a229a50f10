import { belowBound, type TimelineSource } from './keyset.ts';

/** Each satisfaction score he gave: a quarterly interview, or the one question after a settled complaint. */
export const satisfaction: TimelineSource = {
  kind: 'satisfaction',
  async read(db, customerId, bound, limit) {
    const rows = await db
      .selectFrom('satisfactionInterviews')
      .select(['id', 'at', 'overall', 'comment', 'complaintId'])
      .where('customerId', '=', customerId)
      .where(belowBound('at', 'id', bound))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'satisfaction' as const,
      id: r.id,
      at: r.at,
      ref: r.complaintId ? { type: 'complaint' as const, id: r.complaintId } : { type: 'satisfaction' as const, id: r.id },
      params: { overall: r.overall, comment: r.comment, afterComplaint: r.complaintId ? 1 : 0 },
    }));
  },
};
