import type { ResolveComplaint } from '../../../core/complaints/complaints.schemas.ts';
import type { RefusalReason, ResolutionOutcome } from '../../../core/complaints/resolution.ts';
import { eurosToCents } from '../shared/form-values.ts';

export type ResolveForm = {
  outcome: ResolutionOutcome;
  refusalReason: RefusalReason | '';
  amount: string;
  /** A return's pickup date (blank: the first date the delivery point can be reached). */
  pickupOn: string;
  note: string;
};

/** Which outcomes take an amount. */
export const takesAmount = (outcome: ResolutionOutcome) => outcome === 'credit-note' || outcome === 'gesture';

/**
 * The request POST /api/complaints/{id}/resolve takes: the amount only for a gesture or a credit note (blank: the
 * lines complained of), the reason only for a refusal; an amount that is not one goes as NaN for the server to name.
 */
export function resolveBody(form: ResolveForm): ResolveComplaint {
  const amount = form.amount.trim();
  const withAmount = takesAmount(form.outcome) && amount !== '';
  return {
    outcome: form.outcome,
    ...(form.outcome === 'refusal' && form.refusalReason ? { refusalReason: form.refusalReason } : {}),
    ...(withAmount ? { amountCents: eurosToCents(amount) ?? NaN } : {}),
    ...(form.outcome === 'return' && form.pickupOn ? { pickupOn: form.pickupOn } : {}),
    note: form.note,
  };
}
