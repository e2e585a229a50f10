/** The agreed assortment as the audit keeps it, before and after each change. */
export type AssortmentState = { restricted: boolean; productIds: readonly number[] };

/** An audit event of the assortment, as read back (oldest first when given to `listedSince`). */
export type AssortmentEvent = { at: string; userName: string | null; before: unknown; after: unknown };

export type Listing = { at: string; userName: string | null };

const ids = (state: unknown) => new Set((state as AssortmentState | null)?.productIds ?? []);

/**
 * Since when, and by whom, each product is in the customer's assortment: the latest change that brought it in
 * (a product removed and listed again counts from its return). A product listed before the audit began (the demo,
 * an import of old) has no entry.
 */
export function listedSince(events: readonly AssortmentEvent[]): Map<number, Listing> {
  const since = new Map<number, Listing>();
  for (const e of events) {
    const before = ids(e.before);
    const after = ids(e.after);
    for (const id of after) if (!before.has(id)) since.set(id, { at: e.at, userName: e.userName });
    for (const id of before) if (!after.has(id)) since.delete(id);
  }
  return since;
}

/** What a change did to the list: the products it added and those it removed. */
export function assortmentChange(before: unknown, after: unknown): { added: number[]; removed: number[] } {
  const was = ids(before);
  const is = ids(after);
  return { added: [...is].filter((id) => !was.has(id)), removed: [...was].filter((id) => !is.has(id)) };
}
