import type { Static } from '@sinclair/typebox';
import type { ApprovalItemSchema, ApprovalsSchema, FindingSchema, SuggestionSchema } from './findings.schemas.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Suggestion } from '../suggestions/suggestion.types.ts';
import type { Finding, Severity } from './findings.types.ts';

// A finding as the API carries it (stored with the order, or computed for a quote): `message` in French, the working
// language, for outside tools that show one text; `messages` in both languages for the screens. A suggestion's
// changes name the line the way the API's readers do (number, and id once stored). Declared once, as the schemas.
export type OrderFinding = Static<typeof FindingSchema>;
export type OrderSuggestion = Static<typeof SuggestionSchema>;
export type OrderSuggestionChange = OrderSuggestion['changes'][number];
/** A manager's answer to a finding: `approved` for an approval finding, `overridden` for a block. */
export type FindingResolution = NonNullable<OrderFinding['resolution']>;

export type ApprovalItem = Static<typeof ApprovalItemSchema>;
export type Approvals = Static<typeof ApprovalsSchema>;

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
    orderChangeCents: s.orderChangeCents,
    changes: s.changes.map((c) => {
      if (c.op !== 'setQuantity') return c;
      const lineId = lineIds[c.lineIndex];
      return lineId === undefined ? { ...c, lineNo: c.lineIndex + 1 } : { ...c, lineNo: c.lineIndex + 1, lineId };
    }),
  };
}
