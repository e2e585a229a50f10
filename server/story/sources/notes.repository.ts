import { belowBound, type TimelineSource } from './keyset.ts';

/** The notes colleagues left, in the story where they were written. */
export const notes: TimelineSource = {
  kind: 'note',
  async read(db, customerId, bound, limit) {
    const rows = await db
      .selectFrom('customerNotes')
      .leftJoin('users', 'users.id', 'customerNotes.authorId')
      .select([
        'customerNotes.id',
        'customerNotes.at',
        'customerNotes.text',
        'customerNotes.pinned',
        'customerNotes.mood',
        'users.name as author',
      ])
      .where('customerNotes.customerId', '=', customerId)
      .where(belowBound('customerNotes.at', 'customerNotes.id', bound))
      .orderBy('customerNotes.at', 'desc')
      .orderBy('customerNotes.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'note' as const,
      id: r.id,
      at: r.at,
      ref: { type: 'note' as const, id: r.id },
      params: { text: r.text, pinned: r.pinned, mood: r.mood, author: r.author },
    }));
  },
};
