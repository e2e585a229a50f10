import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintDetail } from '../../../core/complaints/complaints.schemas.ts';
import { useFormat } from '../shared/use-format.ts';

/** The lots that left on the lines complained of, each opening its trace. */
export function ComplaintLots({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (c.lots.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="complaint-lots">
      <Title order={5} mb="xs">
        {t('lots.ofComplaint')}
      </Title>
      {c.lots.map((l, i) => (
        <Group key={`${l.productId}-${l.lot}-${i}`} gap="md">
          <Text size="sm" ff="monospace">
            {l.productCode}
          </Text>
          <Anchor
            component={Link}
            to={`/lots/${encodeURIComponent(l.lot)}?productId=${l.productId}`}
            size="sm"
            data-testid={`trace-${l.lot}`}
          >
            {t('lots.trace', { lot: l.lot })}
          </Anchor>
          <Text size="sm">{t('lots.bestBeforeOn', { date: fmt.date(l.bestBefore) })}</Text>
          <Text size="sm">{fmt.number(l.quantity)}</Text>
        </Group>
      ))}
    </Paper>
  );
}
