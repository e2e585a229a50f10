// The customer's story: one timeline of everything that happened to him, newest first, paged by a keyset.
// Pure: the sources' rows come in, one page goes out. The web imports the kinds to word each entry.

/**
 * One kind per source. A new kind (calls, satisfaction scores…) is one more entry here, its words in the i18n files
 * and one source file registered in server/story/sources.ts.
 */
export const TIMELINE_KINDS = [
  'order',
  'delivery-shipped',
  'delivery-delivered',
  'complaint',
  'risk-detected',
  'risk-resolved',
  'note',
  'call',
  'satisfaction',
  'edi-problem',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What the order source tells of an order's life (the audit's actions). */
export const ORDER_STORY_ACTIONS = ['create', 'approve', 'confirm', 'cancel'] as const;

/**
 * Where a page stops: entries are ordered by (at, kind, id) descending, a total order since each source has one
 * kind and its own ids. The next page starts strictly below it, so no entry is seen twice or skipped.
 */
export type TimelineCursor = { at: string; kind: TimelineKind; id: number };

export type TimelineItem = { kind: TimelineKind; id: number; at: string };

const SEPARATOR = '~';

export function encodeCursor(c: TimelineCursor): string {
  return [c.at, c.kind, c.id].join(SEPARATOR);
}

/** null: not a cursor this server wrote. */
export function decodeCursor(text: string): TimelineCursor | null {
  const [at, kind, id, ...rest] = text.split(SEPARATOR);
  if (rest.length || !at || !kind || !id) return null;
  if (!(TIMELINE_KINDS as readonly string[]).includes(kind) || !/^\d{1,10}$/.test(id)) return null;
  return { at, kind: kind as TimelineKind, id: Number(id) };
}

/** Descending order of the timeline: later first; at the same instant, by kind then id, both descending. */
export function compareNewestFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return a.kind < b.kind ? 1 : -1;
  return b.id - a.id;
}

/**
 * What a source of the given kind must return to continue below the cursor: rows before `at`, and those at `at`
 * itself whose id is below `idBelow` (0: none of them, all of them when the source's kind sorts before the cursor's).
 */
export function sourceBound(kind: TimelineKind, cursor: TimelineCursor | null): { at: string; idBelow: number } | null {
  if (!cursor) return null;
  if (kind > cursor.kind) return { at: cursor.at, idBelow: 0 };
  if (kind === cursor.kind) return { at: cursor.at, idBelow: cursor.id };
  return { at: cursor.at, idBelow: 2_147_483_647 }; // every id: the largest an integer column holds
}

/** Each source gave its newest `limit` below the cursor: the page is the newest `limit` of them all. */
export function mergePage<T extends TimelineItem>(batches: readonly (readonly T[])[], limit: number): { items: T[]; next: string | null } {
  const all = batches.flat().sort(compareNewestFirst);
  const items = all.slice(0, limit);
  const last = items.at(-1);
  return { items, next: all.length > limit && last ? encodeCursor(last) : null };
}
