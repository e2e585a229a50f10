import type { ResolveComplaint } from '../../../core/complaints/complaints.schemas.ts';
import type { APPLIED_OUTCOMES, RefusalReason } from '../../../core/complaints/resolution.ts';
import { eurosToCents } from '../shared/form-values.ts';

export type ResolveForm = { outcome: (typeof APPLIED_OUTCOMES)[number]; refusalReason: RefusalReason | ''; amount: string; note: string };

/**
 * The request POST /api/complaints/{id}/resolve takes: the amount only for a gesture or a credit note (blank: the
 * lines complained of), the reason only for a refusal; an amount that is not one goes as NaN for the server to name.
 */
export function resolveBody(form: ResolveForm): ResolveComplaint {
  const amount = form.amount.trim();
  const withAmount = form.outcome !== 'refusal' && amount !== '';
  return {
    outcome: form.outcome,
    ...(form.outcome === 'refusal' && form.refusalReason ? { refusalReason: form.refusalReason } : {}),
    ...(withAmount ? { amountCents: eurosToCents(amount) ?? NaN } : {}),
    note: form.note,
  };
}
