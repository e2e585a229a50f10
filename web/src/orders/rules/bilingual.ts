import type { Bilingual } from '../../../../core/shared/bilingual.ts';
import { useLanguage } from '../../shared/use-language.ts';

/** A text the rules wrote in both languages, in the one the user reads. */
export function useBilingual(): (text: Bilingual) => string {
  const language = useLanguage();
  return (text) => text[language];
}
