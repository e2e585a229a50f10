/** The commercial rules as the assistant types: core's `rules` on the order-context, no round trip. */
import type { Product } from '../../../../core/catalog/product.ts';
import type { Finding } from '../../../../core/orders/findings.types.ts';
import type { OrderDraft } from '../../../../core/orders/order-draft.types.ts';
import type { RulesContext } from '../../../../core/orders/rules-context.types.ts';
import type { RulesResult } from '../../../../core/orders/rules.ts';
import type { PricedLine } from '../../../../core/pricing/pricing.types.ts';
import { applySuggestion } from '../../../../core/suggestions/apply.ts';
import type { Suggestion } from '../../../../core/suggestions/suggestion.types.ts';
import type { OrderContext } from '../../api/types.ts';
import type { OrderAvailability } from '../../../../core/orders/orders.schemas.ts';
import {
  applyRemedy,
  type AvailabilityRemedy,
  availabilityRemedies,
  REMEDY_KEYS,
  type RemedyKind,
} from '../../../../core/orders/availability-remedies.ts';
import { availability } from '../../../../core/stock/availability.ts';
import { availabilityContext } from '../../../../core/stock/availability-context.ts';
import { blankLine, type EntryHeader, type EntryLine, isBlank, pricedInput } from './draft.ts';

/** What the rules read, from what the order-context answered and the catalogue; null until both are there. */
export function rulesContextOf(
  ctx: OrderContext | undefined,
  products: ReadonlyMap<number, Product>,
  deliveryPointId: number | null,
  stock?: OrderAvailability,
): RulesContext | null {
  if (!ctx || products.size === 0) return null;
  const point =
    ctx.customer.deliveryPoints.find((p) => p.id === deliveryPointId) ??
    ctx.customer.deliveryPoints.find((p) => p.isDefault) ??
    ctx.customer.deliveryPoints[0];
  if (!point) return null;
  return {
    today: ctx.now,
    customer: { id: ctx.customer.id, typology: ctx.customer.typology },
    deliveryPoint: {
      id: point.id,
      deliveryWeekdays: point.deliveryWeekdays,
      leadTimeDays: point.leadTimeDays,
      cutoffTime: point.cutoffTime,
    },
    terms: ctx.terms,
    agreement: ctx.agreement,
    priceList: ctx.priceList,
    promotions: ctx.promotions,
    products,
    usualProductIds: ctx.usualProductIds,
    gestures: ctx.gestures,
    ...(stock ? { availability: availabilityContext(stock) } : {}),
  };
}

/** The customer's usual products as `matchProducts` ranks them: the most ordered counts most. */
export function usualCounts(usualProductIds: readonly number[] | undefined): Map<number, number> {
  const ids = usualProductIds ?? [];
  return new Map(ids.map((id, i) => [id, ids.length - i]));
}

export type EntryRules = {
  /** The typed lines that count (a product and a quantity), each with its row key: line i of `draft`. */
  input: ReturnType<typeof pricedInput>;
  draft: OrderDraft;
  result: RulesResult;
  pricedByKey: Map<number, PricedLine>;
  findingsByKey: Map<number, Finding[]>;
  orderFindings: Finding[];
  /** A block or an approval: only a manager can let it through. */
  needsManager: boolean;
  /** What can be promised to this line on the date (what earlier lines of the product take left out); none without stock. */
  promisableByKey: Map<number, number>;
  /** The one-key answers to the lines the stock cannot serve complete, by row key. */
  remediesByKey: Map<number, AvailabilityRemedy[]>;
};

/** Runs the rules over the typed order; findings about a line are filed under that line's row. */
export function runEntryRules(
  lines: readonly EntryLine[],
  header: EntryHeader,
  ctx: RulesContext,
  rules: (order: OrderDraft, ctx: RulesContext) => RulesResult,
): EntryRules {
  const input = pricedInput(lines).filter((l) => ctx.products.has(l.productId));
  const draft: OrderDraft = {
    lines: input.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    deliveryPointId: ctx.deliveryPoint.id,
    requestedDate: header.requestedDate,
  };
  const result = rules(draft, ctx);
  const pricedByKey = new Map(input.map((l, i) => [l.key, result.priced.lines[i]]));
  const findingsByKey = new Map<number, Finding[]>();
  const orderFindings: Finding[] = [];
  for (const f of result.findings) {
    const key = f.lineIndex === undefined ? undefined : input[f.lineIndex]?.key;
    if (key === undefined) orderFindings.push(f);
    else findingsByKey.set(key, [...(findingsByKey.get(key) ?? []), f]);
  }
  const needsManager = result.findings.some((f) => f.severity === 'block' || f.severity === 'approval');
  const promisableByKey = new Map<number, number>();
  const stock = ctx.availability;
  if (stock) {
    const date = draft.requestedDate ?? ctx.today.date;
    const taken = new Map<number, number>();
    input.forEach((l) => {
      const a = stock.byProduct.get(l.productId);
      if (!a) return;
      const already = taken.get(l.productId) ?? 0;
      promisableByKey.set(l.key, Math.max(0, availability(l.productId, date, a).promisable - already));
      taken.set(l.productId, already + l.quantity);
    });
  }
  const remediesByKey = new Map<number, AvailabilityRemedy[]>();
  for (const r of availabilityRemedies(draft, result.findings, ctx)) {
    const key = input[r.lineIndex]?.key;
    if (key !== undefined) remediesByKey.set(key, [...(remediesByKey.get(key) ?? []), r]);
  }
  return { input, draft, result, pricedByKey, findingsByKey, orderFindings, needsManager, promisableByKey, remediesByKey };
}

/** Alt+D (date), Alt+P (partial), Alt+R (substitute, remplacement): by the physical key, as Alt+digit. */
export function remedyShortcut(event: {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): RemedyKind | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const letter = event.code?.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  const found = (Object.entries(REMEDY_KEYS) as [RemedyKind, string][]).find(([, k]) => k === letter);
  return found ? found[0] : null;
}

/** A remedy applied to the typed lines and the header: the quantity or the product on its row, or the order's date. */
export function applyRemedyToEntry(
  lines: readonly EntryLine[],
  header: EntryHeader,
  rules: Pick<EntryRules, 'input' | 'draft'>,
  remedy: AvailabilityRemedy,
  codeOf: (productId: number) => string,
): { lines: EntryLine[]; header: EntryHeader } {
  const next = applyRemedy(rules.draft, remedy);
  const byKey = new Map(rules.input.map((l, i) => [l.key, next.lines[i]]));
  return {
    lines: lines.map((l) => {
      const n = byKey.get(l.key);
      if (!n || n.productId === null) return l;
      if (n.productId !== l.productId) return { ...l, productId: n.productId, query: codeOf(n.productId), quantity: String(n.quantity) };
      return String(n.quantity) === l.quantity ? l : { ...l, quantity: String(n.quantity) };
    }),
    header: next.requestedDate === rules.draft.requestedDate ? header : { ...header, requestedDate: next.requestedDate },
  };
}

/**
 * One click (or Alt+digit): the suggestion applied by core's `applySuggestion` to the draft, carried back to the
 * typed lines (a changed quantity on its row, an added product on a new row before the blank one) and the date.
 */
export function applyToEntry(
  lines: readonly EntryLine[],
  header: EntryHeader,
  rules: Pick<EntryRules, 'input' | 'draft'>,
  suggestion: Pick<Suggestion, 'changes'>,
  codeOf: (productId: number) => string,
  nextKey: () => number,
): { lines: EntryLine[]; header: EntryHeader } {
  const next = applySuggestion(rules.draft, suggestion);
  const quantityByKey = new Map(rules.input.map((l, i) => [l.key, next.lines[i].quantity]));
  const updated = lines.map((l) =>
    quantityByKey.has(l.key) && String(quantityByKey.get(l.key)) !== l.quantity ? { ...l, quantity: String(quantityByKey.get(l.key)) } : l,
  );
  const added = next.lines
    .slice(rules.input.length)
    .map((l) => ({ key: nextKey(), query: codeOf(l.productId!), productId: l.productId, quantity: String(l.quantity) }));
  const trailing = updated.length && isBlank(updated[updated.length - 1]) ? updated.length - 1 : updated.length;
  const merged = [...updated.slice(0, trailing), ...added, ...updated.slice(trailing)];
  return {
    lines: merged.length && isBlank(merged[merged.length - 1]) ? merged : [...merged, blankLine(nextKey())],
    header: next.requestedDate === rules.draft.requestedDate ? header : { ...header, requestedDate: next.requestedDate },
  };
}

/** Alt+1 … Alt+9 apply the Nth suggestion, by the physical key (Alt changes the character on some layouts). */
export function suggestionShortcut(event: {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const digit = event.code?.startsWith('Digit') ? event.code.slice(5) : event.code?.startsWith('Numpad') ? event.code.slice(6) : event.key;
  return /^[1-9]$/.test(digit) ? Number(digit) - 1 : null;
}
