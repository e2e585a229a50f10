import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskCause } from '../../../core/risks/risk.types.ts';

const COLOR: Record<RiskCause, string> = {
  'stock-shortfall': 'red',
  'receipt-late': 'orange',
  'production-shortfall': 'pink',
  'truck-capacity': 'grape',
  'appointment-missing': 'blue',
};

export function RiskCauseBadge({ cause }: { cause: RiskCause }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={COLOR[cause]}
      size="sm"
      tt="none"
      style={{ overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`risks.cause.${cause}`)}
    </Badge>
  );
}
