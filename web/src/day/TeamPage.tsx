import { Anchor, Loader, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamLoad } from '../../../core/day/day.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { AbsencesSection } from './AbsencesSection.tsx';
import { minutesText } from './use-day.ts';

/** The manager's view: each assistant's planned load against her time, today and this week; her day to move work from. */
export function TeamPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const team = useQuery({ queryKey: ['day', 'team'], queryFn: () => api.get<TeamLoad>('/api/day/team') });
  const week = team.data?.assistants[0]?.week ?? [];
  return (
    <Stack gap="sm" maw={1300}>
      <PageTitle title={t('team.title')} />
      <ErrorAlert error={team.error} />
      {team.isPending && <Loader />}
      {team.data && (
        <Paper withBorder>
          <Table data-testid="team-load" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.assistant')}</Table.Th>
                <Table.Th w={260}>{t('team.today')}</Table.Th>
                {week.map((w) => (
                  <Table.Th key={w.date} w={110}>
                    {fmt.date(w.date)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.assistants.map((a) => (
                <Table.Tr key={a.userId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/day?userId=${a.userId}`} fw={600}>
                      {a.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('team.portfolio', { count: a.customers })}
                      {a.absences
                        .map((x) => ` · ${t('team.absent')} ${fmt.date(x.dateFrom)}${x.from ? ` ${x.from}–${x.to}` : ''}`)
                        .join('')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={a.today.overMinutes > 0 ? 'red' : undefined}>
                      {minutesText(a.today.plannedMinutes)} / {minutesText(a.today.capacityMinutes)} ·{' '}
                      {t('team.items', { count: a.today.items })}
                    </Text>
                    <Progress
                      value={a.today.capacityMinutes ? Math.min(100, (a.today.plannedMinutes / a.today.capacityMinutes) * 100) : 100}
                      color={a.today.overMinutes > 0 ? 'red' : 'blue'}
                      size="sm"
                      aria-label={t('team.loadOf', { name: a.name })}
                    />
                  </Table.Td>
                  {a.week.map((w) => (
                    <Table.Td key={w.date}>
                      <Text size="xs">
                        {minutesText(w.plannedMinutes)} / {minutesText(w.capacityMinutes)}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {team.data && <AbsencesSection assistants={team.data.assistants} />}
    </Stack>
  );
}
