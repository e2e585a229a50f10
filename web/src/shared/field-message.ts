import type { TFunction } from 'i18next';
import { MIN_DISTINCT_CHARACTERS, MIN_PASSWORD_LENGTH } from '../../../core/auth/new-account.ts';
import { type ErrorParams, FIELD_CODES, PROBLEM_CODES } from '../../../core/shared/error-codes.ts';
import { ApiError } from '../api/client.ts';
import { fieldErrors } from '../api/field-errors.ts';

/** A coded refusal as the server sends it: a field error (`message`) or an import row's cell (`reason`). */
export type Coded = { code?: string; params?: ErrorParams; message?: string; reason?: string };

const COMPARISONS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/**
 * The text of a field's or a cell's code, from fr.json / en.json with the code's params. A `rule` (a check without
 * a code of its own yet) or a code this build does not know is shown as the server wrote it.
 */
export function fieldMessage(e: Coded, t: TFunction): string {
  const english = e.message ?? e.reason ?? '';
  if (!e.code || e.code === 'rule' || !Object.hasOwn(FIELD_CODES, e.code)) return english;
  const params = e.params ?? {};
  const entity = typeof params.entity === 'string' ? t(`entities.${params.entity}`, { defaultValue: params.entity }) : undefined;
  const comparison = typeof params.comparison === 'string' ? (COMPARISONS[params.comparison] ?? params.comparison) : undefined;
  // A weak password's reason is a code of its own (core/auth/new-account.ts), said in the reader's language.
  const reason =
    e.code === 'weak-password' && typeof params.reason === 'string'
      ? t(`passwordWeakness.${params.reason}`, { defaultValue: english, min: MIN_PASSWORD_LENGTH, distinct: MIN_DISTINCT_CHARACTERS })
      : undefined;
  return t(`fieldErrors.${e.code}`, {
    ...params,
    ...(entity ? { entity } : {}),
    ...(comparison ? { comparison } : {}),
    ...(reason ? { reason } : {}),
  });
}

/** A refused request's own message: what kind of refusal, then each field's reason when the fields are not shown. */
export function problemMessage(error: ApiError, t: TFunction): string {
  const params = error.params;
  const known = Object.hasOwn(PROBLEM_CODES, error.code);
  const entity = typeof params.entity === 'string' ? t(`entities.${params.entity}`, { defaultValue: params.entity }) : undefined;
  const head = known ? t(`problems.${error.code}`, { ...params, ...(entity ? { entity } : {}) }) : error.detail;
  const reasons = error.errors.map((e) => fieldMessage(e, t));
  return reasons.length ? `${head} ${reasons.join(' · ')}` : head;
}

type GlnHolder = {
  kind: 'customer' | 'delivery-point' | 'edi-partner';
  customerCode: string;
  customerName: string;
  deliveryPointCode?: string;
  deliveryPointName?: string;
  partnerName?: string;
};

/** A GLN another party holds (409 with its `holder`), named in the user's language. */
function glnTaken(error: unknown, t: TFunction): string | null {
  const holder = error instanceof ApiError && error.code === 'CONFLICT' ? (error.body.holder as GlnHolder | undefined) : undefined;
  return holder ? t('fieldErrors.glnTaken', { holder: t(`fieldErrors.glnHolder.${holder.kind}`, holder) }) : null;
}

/** A refused request's field errors, by form field, in the user's language. */
export function translatedFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const gln = glnTaken(error, t);
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, e]) => [field, gln && e.code === 'taken' ? gln : fieldMessage(e, t)]),
  );
}
