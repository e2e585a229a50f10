import type { Bilingual } from '../shared/bilingual.ts';
import type { Suggestion, SuggestionChange } from '../suggestions/suggestion.types.ts';
import type { Finding, FindingData, RuleId, Severity } from './findings.types.ts';

/** A manager's answer to a finding: `approved` for an approval finding, `overridden` for a block. */
export type FindingResolution = { kind: 'approved' | 'overridden'; userId: number; userName: string | null; at: string; reason: string };

/**
 * A finding as the API carries it (stored with the order, or computed for a quote): `message` in French, the
 * working language, for outside tools that show one text; `messages` in both languages for the screens.
 */
export type OrderFinding = {
  /** Null in a quote: nothing is stored. */
  id: number | null;
  rule: RuleId;
  severity: Severity;
  message: string;
  messages: Bilingual;
  /** The stored order line it concerns (null for an order-level finding, and in a quote). */
  lineId: number | null;
  /** 1-based, in the order's line order (the body's order in a quote); null for an order-level finding. */
  lineNo: number | null;
  data: FindingData;
  resolution: FindingResolution | null;
};

/** A change of a suggestion, with the line named the way the API's readers name it (number, and id once stored). */
export type OrderSuggestionChange = SuggestionChange & { lineNo?: number; lineId?: number };

export type OrderSuggestion = {
  id: string;
  kind: Suggestion['kind'];
  description: string;
  descriptions: Bilingual;
  savingCents: number;
  changes: OrderSuggestionChange[];
};

/** One draft of the manager's queue (`GET /api/approvals`): who, how much, and every finding it carries. */
export type ApprovalItem = {
  orderId: number;
  number: string;
  customerId: number;
  customerName: string;
  channel: string;
  requestedDate: string | null;
  createdAt: string;
  createdByName: string | null;
  totals: { netCents: number; grossCents: number };
  findings: OrderFinding[];
};

/** What stops a confirmation: a block nobody overrode, an approval nobody gave. */
export function isBlocking(f: { severity: Severity; resolution: FindingResolution | null }): boolean {
  return (f.severity === 'block' || f.severity === 'approval') && f.resolution === null;
}

/**
 * The same finding across two runs of the rules: same rule, same line, same words (the message carries the
 * figures). An approval given for one figure does not carry over to another: a changed order is asked again.
 */
export function findingKey(f: { rule: string; lineNo: number | null; messages: Bilingual }): string {
  return `${f.rule}|${f.lineNo ?? ''}|${f.messages.fr}`;
}

/** A core finding as the API carries it; `lineIds[i]` is the stored id of line i, when there is one. */
export function toOrderFinding(f: Finding, lineIds: readonly (number | undefined)[] = []): OrderFinding {
  const index = f.lineIndex;
  return {
    id: null,
    rule: f.rule,
    severity: f.severity,
    message: f.message.fr,
    messages: f.message,
    lineId: index === undefined ? null : (lineIds[index] ?? null),
    lineNo: index === undefined ? null : index + 1,
    data: f.data,
    resolution: null,
  };
}

export function toOrderSuggestion(s: Suggestion, lineIds: readonly (number | undefined)[] = []): OrderSuggestion {
  return {
    id: s.id,
    kind: s.kind,
    description: s.description.fr,
    descriptions: s.description,
    savingCents: s.savingCents,
    changes: s.changes.map((c) => {
      if (c.op !== 'setQuantity') return c;
      const lineId = lineIds[c.lineIndex];
      return lineId === undefined ? { ...c, lineNo: c.lineIndex + 1 } : { ...c, lineNo: c.lineIndex + 1, lineId };
    }),
  };
}
