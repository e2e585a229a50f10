import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceInput, TeamLoad } from '../../../core/day/day.schemas.ts';
import { api } from '../api/client.ts';
import { DateField } from '../shared/DateField.tsx';
import { DeleteButton } from '../shared/DeleteButton.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { parisToday } from '../shared/clock.ts';
import { useDelete } from '../shared/use-delete.ts';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';

type Assistant = TeamLoad['assistants'][number];

/**
 * The team's absences, recorded by the manager: whole days or part of one, and who covers them (her portfolio goes
 * to him meanwhile). Her day's time shrinks by it, so the plans and the team's load count with it.
 */
export function AbsencesSection({ assistants }: { assistants: Assistant[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['day'] });
  const today = parisToday();
  const [userId, setUserId] = useState<string | null>(null);
  const [dateFrom, setDateFrom] = useState(today);
  const [dateTo, setDateTo] = useState(today);
  const [wholeDays, setWholeDays] = useState(true);
  const [from, setFrom] = useState('14:00');
  const [to, setTo] = useState('17:00');
  const [coveredById, setCoveredById] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const form = useSubmit(
    () => {
      const body: AbsenceInput = {
        userId: Number(userId),
        dateFrom,
        dateTo,
        ...(wholeDays ? {} : { from, to }),
        ...(coveredById ? { coveredById: Number(coveredById) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      return api.post('/api/day/absences', body);
    },
    () => {
      setNote('');
      void refresh();
    },
  );
  const removal = useDelete(refresh);
  const names = new Map(assistants.map((a) => [a.userId, a.name]));
  const options = assistants.map((a) => ({ value: String(a.userId), label: a.name }));
  const absences = assistants
    .flatMap((a) => a.absences.map((x) => ({ ...x, userId: a.userId })))
    .sort((x, y) => x.dateFrom.localeCompare(y.dateFrom) || x.id - y.id);

  return (
    <Paper withBorder p="md" data-testid="absences" component="section" aria-labelledby="absences-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="absences-title">
          {t('team.absences.title')}
        </Title>
        <form onSubmit={form.handleSubmit}>
          <Group align="flex-start" gap="sm">
            <Select
              label={t('team.assistant')}
              data={options}
              value={userId}
              onChange={setUserId}
              error={form.errors.userId}
              required
              w={200}
              data-testid="absence-user"
            />
            <DateField label={t('team.absences.from')} value={dateFrom} onChange={setDateFrom} error={form.errors.dateFrom} w={170} />
            <DateField label={t('team.absences.to')} value={dateTo} onChange={setDateTo} error={form.errors.dateTo} w={170} />
            <Checkbox
              mt={30}
              label={t('team.absences.wholeDays')}
              checked={wholeDays}
              onChange={(e) => setWholeDays(e.currentTarget.checked)}
              data-testid="absence-whole-days"
            />
            {!wholeDays && (
              <>
                <TextInput
                  type="time"
                  label={t('team.absences.timeFrom')}
                  value={from}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                  error={form.errors.from}
                  w={110}
                />
                <TextInput
                  type="time"
                  label={t('team.absences.timeTo')}
                  value={to}
                  onChange={(e) => setTo(e.currentTarget.value)}
                  error={form.errors.to}
                  w={110}
                />
              </>
            )}
            <Select
              label={t('team.absences.coveredBy')}
              data={options.filter((o) => o.value !== userId)}
              value={coveredById}
              onChange={setCoveredById}
              error={form.errors.coveredById}
              clearable
              w={200}
            />
            <TextInput label={t('team.absences.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={220} />
            <Button type="submit" mt={25} loading={form.busy} disabled={!userId} data-testid="absence-add">
              {t('team.absences.add')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={form.generalError ?? removal.error} />
        {absences.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('team.absences.none')}
          </Text>
        ) : (
          <Table data-testid="absence-list" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.assistant')}</Table.Th>
                <Table.Th>{t('team.absences.when')}</Table.Th>
                <Table.Th>{t('team.absences.coveredBy')}</Table.Th>
                <Table.Th w={40}>
                  <VisuallyHidden>{t('common.delete')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {absences.map((a) => (
                <Table.Tr key={a.id} data-testid={`absence-${a.id}`}>
                  <Table.Td>{names.get(a.userId)}</Table.Td>
                  <Table.Td>
                    {a.dateFrom === a.dateTo
                      ? fmt.date(a.dateFrom)
                      : t('team.absences.range', { from: fmt.date(a.dateFrom), to: fmt.date(a.dateTo) })}
                    {a.from ? ` · ${a.from}–${a.to}` : ` · ${t('team.absences.wholeDays')}`}
                  </Table.Td>
                  <Table.Td>{a.coveredById ? names.get(a.coveredById) : '—'}</Table.Td>
                  <Table.Td>
                    <DeleteButton onClick={() => void removal.remove(`/api/day/absences/${a.id}`)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
