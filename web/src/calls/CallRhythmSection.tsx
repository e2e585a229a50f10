import { Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weekday } from '../../../core/calendar/dates.ts';
import { weekdayList } from '../../../core/calendar/weekday-names.ts';
import { CALL_PURPOSES, type CallPurpose } from '../../../core/calls/call.ts';
import type { CallRhythmInput, CustomerCallRhythm } from '../../../core/calls/calls.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useLanguage } from '../shared/use-language.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { WeekdayChips } from '../shared/WeekdayChips.tsx';

const rhythmKey = (customerId: number) => ['customers', customerId, 'call-rhythm'];

/**
 * When we call the customer, and what for: the days and time window of his ordering call (Boulangerie Martin: Monday
 * and Thursday, 10:00–10:30, for the next day's round) that put him in the assistant's day. Set, changed or cleared here.
 */
export function CallRhythmSection({
  customerId,
  contacts,
  editable,
}: {
  customerId: number;
  contacts: readonly { id: number; name: string }[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: rhythmKey(customerId),
    queryFn: () => api.get<CustomerCallRhythm>(`/api/customers/${customerId}/call-rhythm`),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return null;
  const r = query.data.rhythm;
  return (
    <Paper withBorder p="sm" data-testid="call-rhythm">
      <Group justify="space-between" mb={4}>
        <Title order={5}>{t('rhythm.title')}</Title>
        {editable && (
          <Button variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} data-testid="call-rhythm-edit">
            {r ? t('common.edit') : t('rhythm.set')}
          </Button>
        )}
      </Group>
      <Text size="sm" data-testid="call-rhythm-text">
        {r
          ? t('rhythm.summary', {
              days: weekdayList(r.weekdays, lang, ''),
              from: r.from,
              to: r.to,
              purpose: t(`calls.purposes.${r.purpose}`).toLowerCase(),
            }) + (r.contactName ? ` · ${t('rhythm.with', { name: r.contactName })}` : '')
          : t('rhythm.none')}
      </Text>
      {editing && <RhythmModal customerId={customerId} current={query.data} contacts={contacts} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

type Form = { weekdays: Weekday[]; from: string; to: string; purpose: CallPurpose; contactId: string | null };

function RhythmModal(props: {
  customerId: number;
  current: CustomerCallRhythm;
  contacts: readonly { id: number; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const r = props.current.rhythm;
  const [form, setForm] = useState<Form>({
    weekdays: r?.weekdays ?? [],
    from: r?.from ?? '10:00',
    to: r?.to ?? '10:30',
    purpose: r?.purpose ?? 'ordering',
    contactId: r?.contactId ? String(r.contactId) : null,
  });
  const [clearing, setClearing] = useState(false);
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () => {
      const rhythm: CallRhythmInput | null = clearing
        ? null
        : {
            weekdays: form.weekdays,
            from: form.from,
            to: form.to,
            purpose: form.purpose,
            contactId: form.contactId === null ? null : Number(form.contactId),
          };
      return api.put<CustomerCallRhythm>(`/api/customers/${props.customerId}/call-rhythm`, { rhythm });
    },
    (saved) => {
      queryClient.setQueryData(rhythmKey(props.customerId), saved);
      void queryClient.invalidateQueries({ queryKey: ['day'] });
      props.onClose();
    },
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Modal opened onClose={props.onClose} title={t('rhythm.title')}>
      <form onSubmit={handleSubmit}>
        <Stack gap="sm">
          <ErrorAlert error={generalError} />
          <WeekdayChips
            label={t('rhythm.weekdays')}
            error={errors['rhythm.weekdays']}
            value={form.weekdays}
            onChange={(days) => set('weekdays', days)}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('rhythm.from')}
              placeholder="10:00"
              value={form.from}
              onChange={(e) => set('from', e.currentTarget.value)}
              error={errors['rhythm.from']}
              data-testid="rhythm-from"
            />
            <TextInput
              label={t('rhythm.to')}
              placeholder="10:30"
              value={form.to}
              onChange={(e) => set('to', e.currentTarget.value)}
              error={errors['rhythm.to']}
              data-testid="rhythm-to"
            />
          </SimpleGrid>
          <Select
            label={t('calls.purpose')}
            data={CALL_PURPOSES.map((p) => ({ value: p, label: t(`calls.purposes.${p}`) }))}
            value={form.purpose}
            onChange={(v) => v && set('purpose', v as CallPurpose)}
            allowDeselect={false}
          />
          <Select
            label={t('rhythm.contact')}
            placeholder={t('rhythm.anyContact')}
            data={props.contacts.map((c) => ({ value: String(c.id), label: c.name }))}
            value={form.contactId}
            onChange={(v) => set('contactId', v)}
            clearable
          />
          <Group justify="space-between">
            {r ? (
              <Button variant="subtle" color="red" type="submit" loading={busy && clearing} onClick={() => setClearing(true)}>
                {t('rhythm.clear')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy && !clearing} onClick={() => setClearing(false)} data-testid="rhythm-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
