import type { TFunction } from 'i18next';
import type { QueueMessage } from '../../../core/edi/edi.schemas.ts';

/** Why a message was refused, in the user's language; a message refused before codes existed keeps its English text. */
export function ediReason(message: Pick<QueueMessage, 'reason' | 'reasonCode' | 'reasonParams'>, t: TFunction): string | null {
  return message.reasonCode ? t(`ediRefusals.${message.reasonCode}`, message.reasonParams ?? {}) : message.reason;
}
