import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../core/shared/bilingual.ts';

/** A text the rules wrote in both languages, in the one the user reads. */
export function useBilingual(): (text: Bilingual) => string {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? (text) => text.en : (text) => text.fr;
}
