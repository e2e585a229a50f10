import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatterFor } from './format.ts';

/** The formatter for the language the user chose; changes with it. */
export function useFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => formatterFor(i18n.language), [i18n.language]);
}
