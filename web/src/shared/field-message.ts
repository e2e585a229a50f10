import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { fieldErrors } from '../api/field-errors.ts';

/**
 * The server's validator speaks English ("must NOT have fewer than 1 characters"); the assistant reads her own
 * language beside the field. Known shapes are translated, anything else is shown as the server wrote it.
 */
export function fieldMessage(message: string, t: TFunction): string {
  if (/fewer than 1 characters|must have required property/.test(message)) return t('fieldErrors.required');
  const tooLong = /more than (\d+) characters/.exec(message);
  if (tooLong) return t('fieldErrors.tooLong', { max: tooLong[1] });
  if (/must match pattern|must match format/.test(message)) return t('fieldErrors.format');
  if (/must be integer|must be number/.test(message)) return t('fieldErrors.number');
  const min = /must be >= (-?\d+)/.exec(message);
  if (min) return t('fieldErrors.min', { min: min[1] });
  const max = /must be <= (-?\d+)/.exec(message);
  if (max) return t('fieldErrors.max', { max: max[1] });
  if (/with ship complete only/.test(message)) return t('fieldErrors.shipComplete');
  if (/must be equal to one of the allowed values/.test(message)) return t('fieldErrors.choice');
  if (/check digit/i.test(message)) return t('fieldErrors.checkDigit');
  if (/already used|already exists/i.test(message)) return t('fieldErrors.taken');
  return message;
}

type GlnHolder = { kind: 'customer' | 'delivery-point' | 'edi-partner'; customerCode: string; customerName: string; deliveryPointCode?: string; deliveryPointName?: string; partnerName?: string };

/** A GLN another party holds (409 with its `holder`), named in the user's language. */
function glnTaken(error: unknown, t: TFunction): string | null {
  const holder = error instanceof ApiError && error.code === 'CONFLICT' ? (error.body.holder as GlnHolder | undefined) : undefined;
  return holder ? t('fieldErrors.glnTaken', { holder: t(`fieldErrors.glnHolder.${holder.kind}`, holder) }) : null;
}

/** A refused request's field errors, by form field, in the user's language. */
export function translatedFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const gln = glnTaken(error, t);
  return Object.fromEntries(Object.entries(fieldErrors(error)).map(([field, message]) => [field, gln && /^GLN /.test(message) ? gln : fieldMessage(message, t)]));
}
