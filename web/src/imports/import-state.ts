import type { ImportReport, ImportIssue } from '../api/types.ts';

/**
 * Which commit buttons a validation allows. Nothing is written before a check: "Importer" needs a clean file,
 * "Importer seulement les lignes valides" needs at least one good row among bad ones, said explicitly.
 */
export function commitChoices(checked: Pick<ImportReport, 'mode' | 'errors' | 'validRows'> | null): {
  commit: boolean;
  commitValid: boolean;
} {
  if (!checked || checked.mode !== 'validate') return { commit: false, commitValid: false };
  const hasErrors = checked.errors.length > 0;
  return { commit: !hasErrors && checked.validRows > 0, commitValid: hasErrors && checked.validRows > 0 };
}

/** A refused commit (422) carries the row errors in its problem body; anything else has none. */
export function rowErrorsOf(body: Record<string, unknown>): ImportIssue[] {
  const errors = body.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is ImportIssue => typeof e === 'object' && e !== null && 'row' in e && 'reason' in e);
}
