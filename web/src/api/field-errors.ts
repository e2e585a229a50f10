import { ApiError, type FieldError } from './client.ts';

/**
 * The server names a bad field by its JSON path ("body.name", "body.deliveryPoints.0.gln"); a form wants it by its
 * own field name. Errors not under the prefix are left out: the form shows them as its general message.
 */
export function fieldErrors(error: unknown, prefix = 'body.'): Record<string, FieldError> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, FieldError> = {};
  for (const e of error.errors) {
    if (!e.path.startsWith(prefix)) continue;
    const field = e.path.slice(prefix.length);
    if (field && !(field in out)) out[field] = e;
  }
  return out;
}
