import { applyBasisPoints as bp } from '../shared/money.ts';
import type { RiskCause, RiskPenaltyTerms } from './risk.types.ts';

/**
 * What the customer's clause would charge if the risk happens, under the L441-17 cap (2 % of the value ordered in
 * the category) when the law applies. A short line: the missing-value rate, else a late delivery's fee (the
 * assistant will offer one or the other). A truck over capacity means a late second drop; a missed appointment an
 * incident. An estimate for ranking: the penalty screens give the exact figure.
 */
export function riskExposure(terms: RiskPenaltyTerms | null, cause: RiskCause, missingValueCents: number, capBaseCents: number): number {
  if (!terms) return 0;
  const late = (terms.lateFlatCents ?? 0) + (terms.latePerDayCents ?? 0);
  let contract: number;
  if (cause === 'stock-shortfall' || cause === 'receipt-late' || cause === 'production-shortfall')
    contract = terms.missingValueBp ? bp(missingValueCents, terms.missingValueBp) : late;
  else if (cause === 'truck-capacity') contract = late;
  else contract = terms.incidentFlatCents ?? 0;
  return terms.l441Applicable ? Math.min(contract, bp(capBaseCents, terms.capBp)) : contract;
}
