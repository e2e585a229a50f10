import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, LANGUAGES, setLanguage } from '../app/i18n.ts';

/** FR/EN, remembered in the browser; `long` spells the languages out (on the login page). */
export function LanguageSwitch({ long = false }: { long?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(value) => setLanguage(value as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: long ? t(`languages.${l}`) : l.toUpperCase() }))}
    />
  );
}
