import { hasValidGs1CheckDigit } from '../../core/catalog/packaging.ts';
import { AppError, type FieldError } from '../errors.ts';

/** A GS1 key's check digit, when the key is there: a typo in a GTIN or GLN sends an EDI message to the wrong place. */
export function gs1Errors(path: string, code: string | null | undefined): FieldError[] {
  return code && !hasValidGs1CheckDigit(code) ? [{ path, code: 'check-digit', params: {}, message: 'has a wrong GS1 check digit' }] : [];
}

/** Rules report paths relative to what they checked; the API names them from the request (`body.gtin`). */
export function rejectInvalid(errors: readonly FieldError[], prefix = 'body'): void {
  if (!errors.length) return;
  const named = errors.map((e) => ({ ...e, path: `${prefix}.${e.path}` }));
  throw new AppError('VALIDATION', `Invalid request: ${named.map((e) => `${e.path} ${e.message}`).join('; ')}`, named);
}

/** A natural key already taken by another record: 409, naming the field so the form can point at it. */
export function conflict(path: string, value: string, message: string): AppError {
  return new AppError('CONFLICT', message, [{ path, code: 'taken', params: { value }, message }]);
}
