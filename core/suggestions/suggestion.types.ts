import type { IsoDate } from '../calendar/dates.ts';
import type { Bilingual } from '../shared/bilingual.ts';

export type SuggestionKind = 'next-tier' | 'reach-franco' | 'round-up' | 'round-down' | 'fill-truck' | 'move-date';

/** One click = apply these changes to the draft (`applySuggestion`); line indexes refer to the draft as priced. */
export type SuggestionChange =
  | { op: 'setQuantity'; lineIndex: number; quantity: number }
  | { op: 'addLine'; productId: number; quantity: number }
  | { op: 'setRequestedDate'; date: IsoDate };

export type Suggestion = {
  /** Stable within one draft (kind + target), for the screen's keys and to log which one was taken. */
  id: string;
  kind: SuggestionKind;
  description: Bilingual;
  /**
   * What the customer saves, in cents HT, re-priced with `price`: the new order's goods valued at today's
   * per-unit prices plus today's charges, minus the new order's net. Never negative.
   */
  savingCents: number;
  /** How the order's total HT moves (charges included): what he spends more (or less, negative) to save that. */
  orderChangeCents: number;
  changes: SuggestionChange[];
};
