import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../core/complaints/complaints.schemas.ts';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { parisDateTime } from './paris-time.ts';

/** Whether the claim came within the terms: the clause, what it says, the dates it was judged by. */
export function ClaimDeadlinePanel({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const d = c.claimDeadline;
  const verdict = d.withinTerms === null ? null : d.withinTerms ? 'inTime' : 'outOfTime';
  return (
    <Paper withBorder p="sm" data-testid="claim-deadline">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('complaints.claim.title')}</Title>
        {verdict && (
          <Badge color={d.withinTerms ? 'green' : 'red'} variant="filled" data-testid="claim-verdict">
            {t(`complaints.claim.${verdict}`)}
          </Badge>
        )}
      </Group>
      <Text size="sm">{t(`complaints.claim.${d.kind}`, { count: d.days })}</Text>
      {d.date === null && (
        <Text size="sm" c="dimmed">
          {t('complaints.claim.unknown')}
        </Text>
      )}
      {c.reservesMade === false && d.kind === 'visible-damage' && (
        <Text size="sm" c="red">
          {t('complaints.claim.noReserves')}
        </Text>
      )}
      <SimpleGrid cols={4} spacing="sm" mt="xs">
        <Field label={t('complaints.claim.clause')}>{d.clause ?? t('complaints.claim.defaultTerms')}</Field>
        <Field label={t('complaints.claim.deliveredOn')}>{fmt.date(c.deliveredOn)}</Field>
        <Field label={t('complaints.claim.deadline')}>{fmt.date(d.date)}</Field>
        <Field label={t('complaints.claim.receivedOn')}>{fmt.dateTime(c.receivedAt)}</Field>
      </SimpleGrid>
    </Paper>
  );
}

/** The service clock: first answer and resolution times, flagged once past, and when each was done. */
export function ServiceClockPanel({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const late = c.overdue.answer || c.overdue.resolve;
  return (
    <Paper withBorder p="sm" data-testid="service-clock">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('complaints.clock.title')}</Title>
        <Group gap={4}>
          {c.overdue.answer && (
            <Badge color="red" data-testid="late-answer">
              {t('complaints.clock.answerLate')}
            </Badge>
          )}
          {c.overdue.resolve && (
            <Badge color="red" data-testid="late-resolve">
              {t('complaints.clock.resolveLate')}
            </Badge>
          )}
          {!late && c.status !== 'closed' && (
            <Badge color="green" variant="light">
              {t('complaints.clock.onTime')}
            </Badge>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('complaints.clock.answerBy')}>
          <Text size="sm" c={c.overdue.answer ? 'red' : undefined} fw={c.overdue.answer ? 700 : undefined}>
            {parisDateTime(c.answerBy, fmt.date)}
          </Text>
        </Field>
        <Field label={t('complaints.clock.resolveBy')}>
          <Text size="sm" c={c.overdue.resolve ? 'red' : undefined} fw={c.overdue.resolve ? 700 : undefined}>
            {fmt.date(c.resolveBy)}
          </Text>
        </Field>
        {c.answeredAt && <Field label={t('complaints.clock.answeredAt')}>{fmt.dateTime(c.answeredAt)}</Field>}
        {c.resolvedAt && <Field label={t('complaints.clock.resolvedAt')}>{fmt.dateTime(c.resolvedAt)}</Field>}
        {c.closedAt && <Field label={t('complaints.clock.closedAt')}>{fmt.dateTime(c.closedAt)}</Field>}
      </SimpleGrid>
    </Paper>
  );
}
