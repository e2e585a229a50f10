import type { IsoDate } from '../calendar/dates.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Finding } from './findings.types.ts';
import type { OrderDraft } from './order-draft.types.ts';
import type { RulesContext } from './rules-context.types.ts';

/** The three answers to a line the stock cannot serve complete, each one key at entry (Alt+D, Alt+P, Alt+R). */
export type RemedyKind = 'date' | 'partial' | 'substitute';
export const REMEDY_KEYS: Record<RemedyKind, string> = { date: 'd', partial: 'p', substitute: 'r' };

export type RemedyChange =
  | { op: 'setRequestedDate'; date: IsoDate }
  | { op: 'setQuantity'; lineIndex: number; quantity: number }
  | { op: 'replaceProduct'; lineIndex: number; productId: number };

export type AvailabilityRemedy = { kind: RemedyKind; lineIndex: number; description: Bilingual; changes: RemedyChange[] };

const frDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * What the assistant can offer for each line the `availability` finding names, from the finding's own figures:
 * - the date that serves all: the latest earliest-complete date of the order's short lines (none when one of them
 *   no planned receipt ever completes), the whole order moved to it;
 * - the partial quantity: the line cut to what can be promised on the date (when anything can);
 * - a substitute: the line's product replaced by the first substitute in stock for the whole quantity, else by the
 *   one with the most.
 * Pure: the screen applies them with `applyRemedy`; the rules run again on the result.
 */
export function availabilityRemedies(
  order: OrderDraft,
  findings: readonly Finding[],
  ctx: Pick<RulesContext, 'products'>,
): AvailabilityRemedy[] {
  const short = findings.filter((f) => f.rule === 'availability' && f.lineIndex !== undefined);
  if (short.length === 0) return [];
  const earliest = short.map((f) => f.data.earliestCompleteDate as IsoDate | null);
  const allDate = earliest.every((d): d is IsoDate => typeof d === 'string') ? earliest.reduce((a, b) => (b > a ? b : a)) : null;
  const out: AvailabilityRemedy[] = [];
  for (const f of short) {
    const i = f.lineIndex!;
    const line = order.lines[i];
    if (!line) continue;
    if (allDate && allDate !== order.requestedDate)
      out.push({
        kind: 'date',
        lineIndex: i,
        description: { fr: `Livrer tout le ${frDate(allDate)}`, en: `Deliver everything on ${frDate(allDate)}` },
        changes: [{ op: 'setRequestedDate', date: allDate }],
      });
    const promisable = Number(f.data.promisable);
    if (promisable > 0 && promisable < line.quantity)
      out.push({
        kind: 'partial',
        lineIndex: i,
        description: { fr: `Livrer ${promisable} sur ${line.quantity}`, en: `Deliver ${promisable} of ${line.quantity}` },
        changes: [{ op: 'setQuantity', lineIndex: i, quantity: promisable }],
      });
    const ids = Array.isArray(f.data.substituteIds) ? f.data.substituteIds.map(Number) : [];
    const counts = Array.isArray(f.data.substitutes) ? f.data.substitutes.map((s) => Number(String(s).split(':').at(-1))) : [];
    const whole = ids.findIndex((_, k) => counts[k] >= line.quantity);
    const best = whole >= 0 ? whole : counts.reduce((b, c, k) => (c > (counts[b] ?? -1) ? k : b), -1);
    const sub = best >= 0 ? ctx.products.get(ids[best]) : undefined;
    if (sub)
      out.push({
        kind: 'substitute',
        lineIndex: i,
        description: {
          fr: `Remplacer par ${sub.code} (${counts[best]} en stock)`,
          en: `Substitute ${sub.code} (${counts[best]} in stock)`,
        },
        changes: [{ op: 'replaceProduct', lineIndex: i, productId: sub.id }],
      });
  }
  return out;
}

/** The draft with a remedy's changes made (a new draft). */
export function applyRemedy(order: OrderDraft, remedy: Pick<AvailabilityRemedy, 'changes'>): OrderDraft {
  const lines = [...order.lines];
  let requestedDate = order.requestedDate;
  for (const c of remedy.changes) {
    if (c.op === 'setRequestedDate') requestedDate = c.date;
    else if (lines[c.lineIndex])
      lines[c.lineIndex] =
        c.op === 'setQuantity' ? { ...lines[c.lineIndex], quantity: c.quantity } : { ...lines[c.lineIndex], productId: c.productId };
  }
  return { ...order, lines, requestedDate };
}
