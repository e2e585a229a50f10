import { useTranslation } from 'react-i18next';

/** The language the user reads, as the rules' bilingual texts key it. */
export function useLanguage(): 'fr' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'fr';
}
