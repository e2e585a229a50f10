import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** One line for a notification: the server's explanation, or that the network failed. */
export function errorMessage(error: unknown, t: TFunction): string {
  return error instanceof ApiError ? error.detail : t('errors.network');
}
