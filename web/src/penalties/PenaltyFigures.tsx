import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PenaltyEstimateView } from '../../../core/penalties/views.ts';
import { useFormat } from '../shared/use-format.ts';

/** An estimate in three figures (what the contract asks, the legal cap, what may be claimed) and the reasons, in the user's language. */
export function PenaltyFigures({ estimate, testId }: { estimate: PenaltyEstimateView; testId?: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const en = i18n.language.startsWith('en');
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="lg">
        <Figure label={t('penalties.contract')} value={fmt.money(estimate.contractCents)} />
        <Figure
          label={t('penalties.legalCap')}
          value={estimate.legalCapCents === null ? t('penalties.noCap') : fmt.money(estimate.legalCapCents)}
        />
        <Figure
          label={t('penalties.claimable')}
          value={fmt.money(estimate.claimableCents)}
          color={estimate.claimableCents < estimate.contractCents ? 'orange.8' : undefined}
          tip={
            estimate.claimableCents < estimate.contractCents
              ? t('penalties.capped', { amount: fmt.money(estimate.contractCents - estimate.claimableCents) })
              : undefined
          }
        />
      </Group>
      {estimate.basis.map((b, i) => (
        <Text key={i} size="xs" c={b.kind === 'cap' ? 'dimmed' : undefined}>
          {en ? b.en : b.fr}
        </Text>
      ))}
      {estimate.basis.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('penalties.nothingDue')}
        </Text>
      )}
    </Stack>
  );
}

function Figure({ label, value, color, tip }: { label: string; value: string; color?: string; tip?: string }) {
  const body = (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} c={color}>
        {value}
      </Text>
    </div>
  );
  return tip ? <Tooltip label={tip}>{body}</Tooltip> : body;
}
