import type { Bilingual } from '../shared/bilingual.ts';

export const RULE_IDS = [
  'min-order-value',
  'franco',
  'order-multiple',
  'lead-time',
  'cut-off',
  'delivery-day',
  'credit-limit',
  'discontinued',
  'unknown-product',
  'price-mismatch',
  'truck-capacity',
  'promotion-ended',
  'not-listed',
  // A known product with no price on the customer's list or agreement: never confirmed at zero.
  'no-price',
  // A line the stock cannot serve in full on the date (issue 4): shortfall, earliest complete date, substitutes.
  'availability',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** block: cannot confirm without a manager override; approval: a manager approves; warning / info: shown. */
export const SEVERITIES = ['block', 'approval', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FindingData = Readonly<Record<string, string | number | boolean | null | (string | number)[]>>;

export type Finding = {
  rule: RuleId;
  severity: Severity;
  /** What and why, with the figures ("Commande de 412,50 € HT : minimum 500,00 € HT selon vos CGV art. 4"). */
  message: Bilingual;
  lineIndex?: number;
  lineId?: number | string;
  /** The figures behind the message, for screens and the stored record. */
  data: FindingData;
};
