import { Badge } from '@mantine/core';
import { useRiskCount } from './use-risks.ts';

/** How many order lines are at risk, beside the sidebar's "Risques". */
export function RisksBadge() {
  const open = useRiskCount().data?.open ?? 0;
  if (open === 0) return null;
  return (
    <Badge size="sm" color="red" circle={open < 10} data-testid="risks-count">
      {open}
    </Badge>
  );
}
