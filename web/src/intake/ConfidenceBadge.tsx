import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How sure a reading is: green when sure, orange to check, red to read again. */
export const confidenceColor = (value: number) => (value >= 0.85 ? 'green' : value >= 0.6 ? 'orange' : 'red');

export function ConfidenceBadge({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={confidenceColor(value)} variant="light" title={t('intake.confidenceHint')}>
      {Math.round(value * 100)} %
    </Badge>
  );
}
