// The assistant's day: what she must do today, each piece of work one item of a kind.
// Enums only (the web bundle imports them); the rules are in planner.ts and estimates.ts.

/** Every kind of work the day gathers, from the desk's queues and the call log. */
export const DAY_ITEM_KINDS = [
  'edi-order',
  'approval',
  'risk',
  'ordering-call',
  'call-back',
  'complaint',
  'satisfaction-call',
  'low-stock',
  'penalty-notice',
] as const;
export type DayItemKind = (typeof DAY_ITEM_KINDS)[number];

/** The kinds that are a phone call: "Lancer mes appels" runs through them. */
export const CALL_ITEM_KINDS: readonly DayItemKind[] = ['ordering-call', 'call-back', 'satisfaction-call'];

/** Where an item's minutes come from: her own history, the whole desk's, or the stated default. */
export const ESTIMATE_SOURCES = ['own-history', 'desk-history', 'default'] as const;
export type EstimateSource = (typeof ESTIMATE_SOURCES)[number];

/**
 * What a piece of timed work may be: an item's kind, or a step of one timed on its own screen. The order she types
 * after an ordering call ('order-entry') is timed on the entry screen, apart from the call the call log times.
 */
export const TIMED_KINDS = [...DAY_ITEM_KINDS, 'order-entry'] as const;
export type TimedKind = (typeof TIMED_KINDS)[number];

/** The steps timed apart that are part of an item of a kind: an ordering call is the call and then the order typed. */
export const FOLLOW_UP_KINDS: Readonly<Partial<Record<DayItemKind, TimedKind>>> = { 'ordering-call': 'order-entry' };

/**
 * The stated defaults, in minutes, when the desk has too little history of a kind: an artisan's ordering call is
 * short, an EDI order with a problem means reading segments and often a call, a penalty notice a letter; typing an
 * artisan's usual order from the keyboard a few minutes.
 */
export const DEFAULT_MINUTES: Readonly<Record<TimedKind, number>> = {
  'edi-order': 12,
  approval: 5,
  risk: 20,
  'ordering-call': 8,
  'call-back': 6,
  complaint: 20,
  'satisfaction-call': 15,
  'low-stock': 10,
  'penalty-notice': 30,
  'order-entry': 5,
};

/**
 * An item's reference in the day, or a timed step's: `<kind>:<id>` (the id of what it is about: a message, a risk, a
 * customer, the order typed…).
 */
export function dayRef(kind: TimedKind, id: number): string {
  return `${kind}:${id}`;
}

/** The kind and id of a reference, or null when it is not one. */
export function parseDayRef(ref: string): { kind: DayItemKind; id: number } | null {
  return parseRef(ref, DAY_ITEM_KINDS);
}

/** The kind and id of a timed piece of work's reference (`<kind>:<id>`, an item's or a step's), or null. */
export function parseTimedRef(ref: string): { kind: TimedKind; id: number } | null {
  return parseRef(ref, TIMED_KINDS);
}

function parseRef<K extends string>(ref: string, kinds: readonly K[]): { kind: K; id: number } | null {
  const m = /^([a-z-]+):(\d{1,10})$/.exec(ref);
  if (!m || !(kinds as readonly string[]).includes(m[1])) return null;
  const id = Number(m[2]);
  return id > 0 && id <= 2_147_483_647 ? { kind: m[1] as K, id } : null;
}
