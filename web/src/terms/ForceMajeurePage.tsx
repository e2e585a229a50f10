import { Anchor, Badge, Button, Group, Loader, MultiSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconDownload, IconPencil, IconPlayerStop, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import type { ForceMajeureSchema } from '../../../core/penalties/penalties.schemas.ts';
import { PENALTY_CATEGORIES, penaltyCategoryName } from '../../../core/penalties/penalty.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { parisToday } from '../shared/clock.ts';
import { DateField } from '../shared/DateField.tsx';
import { AuditHistoryTable } from '../shared/AuditHistoryTable.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { blankToNull } from '../shared/form-values.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { TermsTabs } from './TermsTabs.tsx';

type Period = Static<typeof ForceMajeureSchema>;
/** A period as the audit keeps it: the stored columns. */
type Stored = { label?: string; dateFrom?: string; dateTo?: string; categories?: string | null };
type Draft = { label: string; from: string; to: string; categories: string[]; description: string };

const blank = (today: string): Draft => ({ label: '', from: today, to: today, categories: [], description: '' });
const draftOf = (p: Period): Draft => ({
  label: p.label,
  from: p.from,
  to: p.to,
  categories: p.categories ?? [],
  description: p.description ?? '',
});
const bodyOf = (d: Draft) => ({
  label: d.label.trim(),
  from: d.from,
  to: d.to,
  categories: d.categories.length ? d.categories : null,
  description: blankToNull(d.description),
});

/**
 * The force-majeure periods: a failure inside one owes no logistic penalty, so a notice dated in it is contested.
 * Managers and admins record, change and end them (ending is moving the end date: the history keeps what it was);
 * the desk reads them, who recorded each and when, and the Excel sheet.
 */
export function ForceMajeurePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const language = useLanguage();
  const { can } = useAuth();
  const editable = can(CUSTOMER_EDITORS);
  const queryClient = useQueryClient();
  const today = parisToday();
  const periods = useQuery({ queryKey: ['force-majeure'], queryFn: () => api.get<Period[]>('/api/force-majeure-periods') });
  const history = useQuery({
    queryKey: ['force-majeure', 'history'],
    queryFn: () => api.get<AuditEvent[]>('/api/force-majeure-periods/history'),
  });
  const [draft, setDraft] = useState<Draft>(() => blank(today));
  const [editing, setEditing] = useState<number | null>(null);
  const [ending, setEnding] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['force-majeure'] });
  const reset = () => {
    setDraft(blank(today));
    setEditing(null);
  };
  const form = useSubmit(
    () =>
      editing === null
        ? api.post<Period>('/api/force-majeure-periods', bodyOf(draft))
        : api.put<Period>(`/api/force-majeure-periods/${editing}`, bodyOf(draft)),
    () => {
      reset();
      void refresh();
    },
  );
  /** Ends a running period today: the failures of today stay covered, tomorrow's owe penalties again. */
  const end = async (p: Period) => {
    setEnding(null);
    try {
      await api.put(`/api/force-majeure-periods/${p.id}`, bodyOf({ ...draftOf(p), to: today }));
      void refresh();
    } catch (e) {
      setEnding(e);
    }
  };
  const categoryNames = (list: readonly string[] | null | undefined) =>
    list?.length ? list.map((c) => penaltyCategoryName(c, language)).join(', ') : t('forceMajeure.allCategories');
  const state = (p: Period) => (p.from > today ? 'future' : p.to < today ? 'ended' : 'running');
  const recorded = (id: number) => history.data?.find((e) => e.entityId === id && e.action === 'create');
  const describe = (s: Stored) =>
    `${s.label ?? ''} ${fmt.date(s.dateFrom)} → ${fmt.date(s.dateTo)} (${categoryNames(s.categories?.split(','))})`;
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <PageTitle title={t('terms.title')}>
        <Anchor href="/api/force-majeure-periods.xlsx" size="sm" data-testid="force-majeure-export">
          <IconDownload size={14} /> {t('forceMajeure.export')}
        </Anchor>
      </PageTitle>
      <TermsTabs />
      <Text size="sm" c="dimmed" mb="sm">
        {t('forceMajeure.explain')}
      </Text>
      <ErrorAlert error={periods.error ?? ending} />
      {editable && (
        <Paper withBorder p="sm" mb="sm">
          <Title order={2} size="h5" mb="xs">
            {editing === null ? t('forceMajeure.new') : t('forceMajeure.editing')}
          </Title>
          <form onSubmit={form.handleSubmit} noValidate data-testid="force-majeure-form">
            <Group gap="xs" align="flex-start">
              <TextInput
                w={240}
                label={t('forceMajeure.label')}
                placeholder={t('forceMajeure.labelHint')}
                required
                value={draft.label}
                error={form.errors.label}
                onChange={(e) => set('label')(e.currentTarget.value)}
                data-testid="force-majeure-label"
              />
              <DateField
                w={160}
                label={t('forceMajeure.from')}
                required
                value={draft.from}
                error={form.errors.from}
                onChange={set('from')}
                data-testid="force-majeure-from"
              />
              <DateField
                w={160}
                label={t('forceMajeure.to')}
                required
                value={draft.to}
                error={form.errors.to}
                onChange={set('to')}
                data-testid="force-majeure-to"
              />
              <MultiSelect
                w={320}
                size="xs"
                label={t('forceMajeure.categories')}
                placeholder={draft.categories.length ? undefined : t('forceMajeure.allCategories')}
                clearable
                value={draft.categories}
                error={form.errors.categories}
                data={PENALTY_CATEGORIES.map((c) => ({ value: c, label: penaltyCategoryName(c, language) }))}
                onChange={set('categories')}
                data-testid="force-majeure-categories"
              />
            </Group>
            <Group gap="xs" align="flex-end" mt="xs">
              <TextInput
                w={560}
                label={t('forceMajeure.description')}
                value={draft.description}
                error={form.errors.description}
                onChange={(e) => set('description')(e.currentTarget.value)}
              />
              <Button
                type="submit"
                loading={form.busy}
                leftSection={editing === null ? <IconPlus size={14} /> : <IconDeviceFloppy size={14} />}
                data-testid="force-majeure-save"
              >
                {editing === null ? t('forceMajeure.record') : t('common.save')}
              </Button>
              {editing !== null && (
                <Button variant="default" onClick={reset}>
                  {t('common.cancel')}
                </Button>
              )}
            </Group>
            <ErrorAlert error={form.generalError} />
          </form>
        </Paper>
      )}
      {periods.isPending ? (
        <Loader />
      ) : (
        <Paper withBorder>
          <Table data-testid="force-majeure-periods">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forceMajeure.period')}</Table.Th>
                <Table.Th>{t('forceMajeure.label')}</Table.Th>
                <Table.Th>{t('forceMajeure.categories')}</Table.Th>
                <Table.Th>{t('forceMajeure.recorded')}</Table.Th>
                {editable && <Table.Th w={200} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(periods.data ?? []).map((p) => {
                const created = recorded(p.id);
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {fmt.date(p.from)} → {fmt.date(p.to)}{' '}
                      <Badge size="xs" variant="light" color={{ running: 'orange', future: 'blue', ended: 'gray' }[state(p)]}>
                        {t(`forceMajeure.state.${state(p)}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.label}</Text>
                      {p.description && (
                        <Text size="xs" c="dimmed">
                          {p.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{categoryNames(p.categories)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{created ? `${created.userName ?? '—'}, ${fmt.dateTime(created.at)}` : '—'}</Text>
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {state(p) === 'running' && p.to !== today && (
                            <Button
                              size="compact-xs"
                              variant="default"
                              leftSection={<IconPlayerStop size={12} />}
                              onClick={() => void end(p)}
                            >
                              {t('forceMajeure.endToday')}
                            </Button>
                          )}
                          <Button
                            size="compact-xs"
                            variant="default"
                            leftSection={<IconPencil size={12} />}
                            onClick={() => {
                              setEditing(p.id);
                              setDraft(draftOf(p));
                            }}
                          >
                            {t('forceMajeure.change')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {periods.data?.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              {t('forceMajeure.none')}
            </Text>
          )}
        </Paper>
      )}
      {!!history.data?.length && (
        <>
          <Title order={2} size="h5" mt="md" mb="xs">
            {t('agreements.history')}
          </Title>
          <AuditHistoryTable<Stored>
            events={history.data}
            describe={describe}
            action={(a) => t(`forceMajeure.actions.${a}`, { defaultValue: a })}
            testId="force-majeure-history"
          />
        </>
      )}
    </>
  );
}
