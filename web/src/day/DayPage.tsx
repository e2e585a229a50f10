import { Alert, Anchor, Badge, Button, Group, Kbd, Loader, Paper, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { DayItem, TeamLoad } from '../../../core/day/day.schemas.ts';
import { FOLLOW_UP_KINDS } from '../../../core/day/day-item.ts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { minutesText, useDay } from './use-day.ts';
import { useLanguage } from '../shared/use-language.ts';

const PRIORITY_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'yellow' };
const SCREEN_PATH: Record<NonNullable<DayItem['target']>['screen'], (id: number) => string> = {
  edi: () => '/edi',
  order: (id) => `/orders/${id}`,
  risk: (id) => `/risks/${id}`,
  complaint: (id) => `/complaints/${id}`,
  penalty: (id) => `/penalties/${id}`,
  customer: (id) => `/customers/${id}`,
  satisfaction: (id) => `/customers/${id}/satisfaction`,
};

/** "Ma journée": everything she must do today in one ranked plan, each with why and how long, held against her time. */
export function DayPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const userId = params.get('userId') ? Number(params.get('userId')) : undefined;
  const manager = user?.role === 'manager';
  const day = useDay(userId);
  const team = useQuery({ queryKey: ['day', 'team'], queryFn: () => api.get<TeamLoad>('/api/day/team'), enabled: manager });
  const lang = useLanguage();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['day'] });
  const seen = useMutation({
    mutationFn: () => api.post('/api/day/seen', { date: day.data!.date, refs: day.data!.items.map((i) => i.ref) }),
    onSuccess: refresh,
  });
  const assign = useMutation({
    mutationFn: (v: { ref: string; userId: number }) =>
      api.post(`/api/day/items/${encodeURIComponent(v.ref)}/assign`, { userId: v.userId }),
    onSuccess: refresh,
  });
  const postpone = useMutation({
    mutationFn: (ref: string) => api.post(`/api/day/items/${encodeURIComponent(ref)}/postpone`, {}),
    onSuccess: refresh,
  });
  const d = day.data;
  const mine = !userId || userId === user?.id;

  // The first look of the day is the plan she starts from: later changes are shown against it.
  useEffect(() => {
    if (d && mine && d.changes.since === null && !seen.isPending && !seen.isSuccess) seen.mutate();
  }, [d, mine, seen]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void navigate('/calls/series');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  const titleOf = (ref: string) => d?.items.find((i) => i.ref === ref)?.title[lang] ?? ref;
  const nameOf = (id: number | null) => team.data?.assistants.find((a) => a.userId === id)?.name ?? '';
  const used = d && d.capacityMinutes > 0 ? Math.min(100, Math.round((d.plannedMinutes / d.capacityMinutes) * 100)) : 100;

  return (
    <Stack gap="sm" maw={1300}>
      <PageTitle title={mine ? t('day.title') : t('day.titleOf', { name: d?.userName ?? '' })}>
        <Group gap="xs">
          {manager && (
            <Button variant="default" component={Link} to="/team">
              {t('day.team')}
            </Button>
          )}
          {mine && (
            <Button leftSection={<IconPhoneCall size={16} />} component={Link} to="/calls/series" data-testid="start-calls">
              {t('day.startCalls')}{' '}
              <Kbd ml={6} size="xs">
                Alt+L
              </Kbd>
            </Button>
          )}
        </Group>
      </PageTitle>
      <ErrorAlert error={day.error ?? assign.error ?? postpone.error} />
      {day.isPending && <Loader />}
      {d && (
        <>
          <Paper withBorder p="sm" data-testid="day-load">
            <Group justify="space-between" mb={6}>
              <Text fw={600}>{fmt.date(d.date)}</Text>
              <Text size="sm">
                {t('day.load', { planned: minutesText(d.plannedMinutes), capacity: minutesText(d.capacityMinutes) })}
                {' · '}
                {d.workingIntervals.map((i) => `${i.from}–${i.to}`).join(', ') || t('day.notWorking')}
              </Text>
            </Group>
            <Progress value={used} color={d.overMinutes > 0 ? 'red' : 'blue'} aria-label={t('day.loadLabel')} />
          </Paper>
          {d.changes.since && (d.changes.added.length > 0 || d.changes.removed.length > 0) && (
            <Alert color="blue" title={t('day.changed', { time: fmt.dateTime(d.changes.since) })} data-testid="day-changes">
              <Stack gap={4}>
                {d.changes.added.map((r) => (
                  <Text size="sm" key={r}>
                    + {titleOf(r)}
                  </Text>
                ))}
                {d.changes.removed.length > 0 && <Text size="sm">{t('day.removed', { count: d.changes.removed.length })}</Text>}
                <Group>
                  <Button size="xs" variant="light" onClick={() => seen.mutate()}>
                    {t('day.seen')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {d.overMinutes > 0 && (
            <Alert color="red" title={t('day.over', { minutes: minutesText(d.overMinutes) })} data-testid="day-over">
              <Stack gap={4}>
                <Text size="sm">{t('day.proposals')}</Text>
                {d.proposals.map((p) => (
                  <Group key={p.ref} gap="xs">
                    <Text size="sm">
                      {p.action === 'move' ? t('day.move') : t('day.handOver', { name: nameOf(p.toUserId) || t('day.colleague') })} —{' '}
                      {titleOf(p.ref)} ({p.minutes} min)
                    </Text>
                    {p.action === 'move' && (
                      <Button size="compact-xs" variant="light" onClick={() => postpone.mutate(p.ref)}>
                        {t('day.doMove')}
                      </Button>
                    )}
                    {p.action === 'hand-over' && manager && p.toUserId && (
                      <Button size="compact-xs" variant="light" onClick={() => assign.mutate({ ref: p.ref, userId: p.toUserId! })}>
                        {t('day.doHandOver')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            </Alert>
          )}
          {!d.items.length && <Text c="dimmed">{t('day.nothing')}</Text>}
          {d.items.length > 0 && (
            <Paper withBorder>
              <Table data-testid="day-items" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={120}>{t('day.when')}</Table.Th>
                    <Table.Th w={60}>{t('day.priority')}</Table.Th>
                    <Table.Th>{t('day.item')}</Table.Th>
                    <Table.Th w={190}>{t('day.estimate')}</Table.Th>
                    {manager && <Table.Th w={180}>{t('day.assign')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((i) => (
                    <Table.Tr key={i.ref} data-ref={i.ref} bg={i.fits ? undefined : 'red.0'}>
                      <Table.Td>
                        <Text size="sm" fw={i.at ? 700 : 400}>
                          {i.startsAt}
                        </Text>
                        {i.at && (
                          <Badge size="xs" variant="outline">
                            {t('day.setTime')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={PRIORITY_COLOR[i.priority] ?? 'gray'} variant="light">
                          P{i.priority}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Badge size="xs" variant="default">
                            {t(`day.kinds.${i.kind}`)}
                          </Badge>
                          {i.target ? (
                            <Anchor component={Link} size="sm" fw={600} to={SCREEN_PATH[i.target.screen](i.target.id)}>
                              {i.title[lang]}
                            </Anchor>
                          ) : (
                            <Text size="sm" fw={600}>
                              {i.title[lang]}
                            </Text>
                          )}
                          {!i.fits && (
                            <Badge size="xs" color="red">
                              {t('day.doesNotFit')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {i.reason[lang]}
                        </Text>
                        {i.handovers.map((h) => (
                          <Text size="xs" key={h.id} c="grape.8">
                            ✎ {h.text} — {h.authorName}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.estimatedMinutes} min</Text>
                        <Text size="xs" c="dimmed">
                          {t(`day.source.${i.estimateSource}`, { count: i.estimateSamples })}
                        </Text>
                        {FOLLOW_UP_KINDS[i.kind] && (
                          <Text size="xs" c="dimmed">
                            {t(`day.withFollowUp.${FOLLOW_UP_KINDS[i.kind]}`)}
                          </Text>
                        )}
                      </Table.Td>
                      {manager && (
                        <Table.Td>
                          <Select
                            size="xs"
                            aria-label={t('day.assign')}
                            placeholder={t('day.assignTo')}
                            data={(team.data?.assistants ?? [])
                              .filter((a) => a.userId !== d.userId)
                              .map((a) => ({ value: String(a.userId), label: a.name }))}
                            onChange={(v) => v && assign.mutate({ ref: i.ref, userId: Number(v) })}
                          />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
