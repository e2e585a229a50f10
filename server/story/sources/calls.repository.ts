import { belowBound, type TimelineSource } from './keyset.ts';

/** Every call with him, in or out: who, why, how long and what came of it. */
export const calls: TimelineSource = {
  kind: 'call',
  async read(db, customerId, bound, limit) {
    const rows = await db
      .selectFrom('calls')
      .innerJoin('users', 'users.id', 'calls.userId')
      .select([
        'calls.id',
        'calls.startedAt',
        'calls.direction',
        'calls.purpose',
        'calls.outcome',
        'calls.durationSeconds',
        'calls.note',
        'calls.orderId',
        'users.name as userName',
      ])
      .where('calls.customerId', '=', customerId)
      .where(belowBound('calls.startedAt', 'calls.id', bound))
      .orderBy('calls.startedAt', 'desc')
      .orderBy('calls.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'call' as const,
      id: r.id,
      at: r.startedAt,
      ref: r.orderId ? { type: 'order' as const, id: r.orderId } : { type: 'call' as const, id: r.id },
      params: {
        direction: r.direction,
        purpose: r.purpose,
        outcome: r.outcome,
        durationSeconds: r.durationSeconds,
        note: r.note,
        user: r.userName,
      },
    }));
  },
};
