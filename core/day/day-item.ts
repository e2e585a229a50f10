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
 * The stated defaults, in minutes, when the desk has too little history of a kind: an artisan's ordering call is
 * short, an EDI order with a problem means reading segments and often a call, a penalty notice a letter.
 */
export const DEFAULT_MINUTES: Readonly<Record<DayItemKind, number>> = {
  'edi-order': 12,
  approval: 5,
  risk: 20,
  'ordering-call': 8,
  'call-back': 6,
  complaint: 20,
  'satisfaction-call': 15,
  'low-stock': 10,
  'penalty-notice': 30,
};

/** An item's reference in the day: `<kind>:<id>` (the id of what it is about: a message, a risk, a customer…). */
export function dayRef(kind: DayItemKind, id: number): string {
  return `${kind}:${id}`;
}

/** The kind and id of a reference, or null when it is not one. */
export function parseDayRef(ref: string): { kind: DayItemKind; id: number } | null {
  const m = /^([a-z-]+):(\d{1,10})$/.exec(ref);
  if (!m || !(DAY_ITEM_KINDS as readonly string[]).includes(m[1])) return null;
  const id = Number(m[2]);
  return id > 0 && id <= 2_147_483_647 ? { kind: m[1] as DayItemKind, id } : null;
}
