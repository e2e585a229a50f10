import { belowBound, type TimelineSource } from './keyset.ts';

/** Each complaint as it came in, with its reason, the customer's mood and where it stands now. */
export const complaints: TimelineSource = {
  kind: 'complaint',
  async read(db, customerId, bound, limit) {
    const rows = await db
      .selectFrom('complaints')
      .select(['id', 'receivedAt', 'number', 'reason', 'mood', 'status'])
      .where('customerId', '=', customerId)
      .where(belowBound('receivedAt', 'id', bound))
      .orderBy('receivedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'complaint' as const,
      id: r.id,
      at: r.receivedAt,
      ref: { type: 'complaint' as const, id: r.id },
      params: { number: r.number, reason: r.reason, mood: r.mood, status: r.status },
    }));
  },
};
