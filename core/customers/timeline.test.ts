import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  decodeCursor,
  encodeCursor,
  mergePage,
  sourceBound,
  TIMELINE_KINDS,
  type TimelineCursor,
  type TimelineItem,
} from './timeline.ts';

const item = fc.record({
  kind: fc.constantFrom(...TIMELINE_KINDS),
  id: fc.integer({ min: 1, max: 50 }),
  // Few instants, so many entries share one: the ties are what a keyset gets wrong.
  at: fc.constantFrom('2026-01-05T08:00:00.000Z', '2026-01-05T09:00:00.000Z', '2026-01-06T07:30:00.000Z'),
});

/** What a source does in SQL, in memory: its kind's rows below the bound, newest first, `limit` of them. */
function read(rows: readonly TimelineItem[], kind: TimelineItem['kind'], cursor: TimelineCursor | null, limit: number) {
  const bound = sourceBound(kind, cursor);
  return rows
    .filter((r) => r.kind === kind && (!bound || r.at < bound.at || (r.at === bound.at && r.id < bound.idBelow)))
    .sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
    .slice(0, limit);
}

describe('the timeline keyset', () => {
  it('pages through every entry once, in order, whatever the page size and the ties', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => `${i.kind}:${i.id}`, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (rows, limit) => {
          const seen: TimelineItem[] = [];
          let cursor: TimelineCursor | null = null;
          for (let pages = 0; pages <= rows.length; pages++) {
            const page = mergePage(
              TIMELINE_KINDS.map((k) => read(rows, k, cursor, limit + 1)),
              limit,
            );
            seen.push(...page.items);
            if (page.next === null) break;
            cursor = decodeCursor(page.next);
          }
          expect(seen.map((s) => `${s.kind}:${s.id}`).sort()).toEqual(rows.map((r) => `${r.kind}:${r.id}`).sort());
          for (let i = 1; i < seen.length; i++) expect(compareNewestFirst(seen[i - 1], seen[i])).toBeLessThan(0);
        },
      ),
    );
  });

  it('reads back the cursors it writes and refuses any other text', () => {
    const cursor: TimelineCursor = { at: '2026-01-05T08:00:00.000Z', kind: 'delivery-shipped', id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['yesterday', '2026-01-05~phone~1', '2026-01-05~note~x', '2026-01-05~note~1~2', '~note~1'])
      expect(decodeCursor(bad)).toBeNull();
  });
});
