import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { problemMessage } from './field-message.ts';

/** One line for a notification: the server's refusal in the user's language, or that the network failed. */
export function errorMessage(error: unknown, t: TFunction): string {
  return error instanceof ApiError ? problemMessage(error, t) : t('errors.network');
}
