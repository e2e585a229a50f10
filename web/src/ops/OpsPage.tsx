import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconDeviceFloppy, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupOverview, BackupRun } from '../../../core/ops/ops.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';

/** Bytes as the admin reads a folder's size: kB, MB or GB (ko, Mo, Go in French); the unit key and its figure. */
function size(bytes: number, number: (n: number, d?: number) => string): [string, string] {
  if (bytes >= 1e9) return ['ops.gigabytes', number(bytes / 1e9, 1)];
  if (bytes >= 1e6) return ['ops.megabytes', number(bytes / 1e6, 1)];
  return ['ops.kilobytes', number(bytes / 1e3, 0)];
}

/**
 * The admin's operations screen: the backups (the schedule, the latest runs and whether each passed its check, a
 * button to back up now) and the export of everything, downloaded as one .zip.
 */
export function OpsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: ['ops', 'backups'], queryFn: () => api.get<BackupOverview>('/api/ops/backups') });
  const backUp = useMutation({
    mutationFn: () => api.post<BackupRun>('/api/ops/backups'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['ops', 'backups'] }),
  });
  const data = overview.data;
  const bytes = (value: number | null) => {
    if (value === null) return '—';
    const [unit, n] = size(value, fmt.number);
    return t(unit, { n });
  };
  const latest = data?.runs[0];

  return (
    <Stack gap="md" maw={1200}>
      <PageTitle title={t('ops.title')} />
      <ErrorAlert error={overview.error ?? backUp.error} />
      {overview.isPending && <Loader />}
      {data && (
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-start" mb="sm">
            <div>
              <Title order={4}>{t('ops.backups')}</Title>
              <Text size="sm" c="dimmed">
                {t(`ops.engine.${data.engine}`)} · {t('ops.directory', { directory: data.directory })} ·{' '}
                {t('ops.keep', { count: data.keep })}
              </Text>
              <Text size="sm" data-testid="ops-schedule">
                {data.schedule && data.nextAt
                  ? t('ops.scheduled', { cron: data.schedule, next: fmt.dateTime(data.nextAt) })
                  : t('ops.notScheduled')}
              </Text>
            </div>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              loading={backUp.isPending || data.running}
              onClick={() => backUp.mutate()}
              data-testid="ops-backup-now"
            >
              {t('ops.backUpNow')}
            </Button>
          </Group>
          {latest && (
            <Alert color={latest.status === 'ok' ? 'green' : 'red'} mb="sm" data-testid="ops-latest">
              {latest.status === 'ok'
                ? t('ops.latestOk', { at: fmt.dateTime(latest.startedAt), files: latest.fileCount ?? 0 })
                : t('ops.latestFailed', { at: fmt.dateTime(latest.startedAt), error: latest.error ?? '' })}
            </Alert>
          )}
          {data.runs.length === 0 ? (
            <Text c="dimmed">{t('ops.none')}</Text>
          ) : (
            <Table data-testid="ops-runs" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('ops.startedAt')}</Table.Th>
                  <Table.Th w={130}>{t('ops.trigger')}</Table.Th>
                  <Table.Th w={110}>{t('ops.status')}</Table.Th>
                  <Table.Th w={90}>{t('ops.files')}</Table.Th>
                  <Table.Th w={100}>{t('ops.size')}</Table.Th>
                  <Table.Th>{t('ops.location')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.runs.map((run) => (
                  <Table.Tr key={`${run.startedAt}-${run.name}`}>
                    <Table.Td>{fmt.dateTime(run.startedAt)}</Table.Td>
                    <Table.Td>{t(`ops.triggers.${run.trigger}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={run.status === 'ok' ? 'green' : 'red'} variant="light">
                        {t(`ops.statuses.${run.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{run.fileCount ?? '—'}</Table.Td>
                    <Table.Td>{bytes(run.sizeBytes)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" c={run.error ? 'red' : undefined} style={{ wordBreak: 'break-all' }}>
                        {run.error ?? run.location}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <IconDatabaseExport size={20} />
              <Title order={4}>{t('ops.export')}</Title>
            </Group>
            <Text size="sm" maw={760}>
              {t('ops.exportHint')}
            </Text>
          </div>
          <Button
            component="a"
            href="/api/ops/export.zip"
            download
            variant="light"
            leftSection={<IconDownload size={16} />}
            data-testid="ops-export"
          >
            {t('ops.download')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
