import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplySettings } from '../../../core/stock/availability.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useSubmit } from '../shared/use-submit.ts';

const FLAGS = [
  ['shipComplete', 'SC'],
  ['acceptsBackorders', 'BK'],
  ['acceptsPartial', 'SP'],
  ['acceptsSubstitutes', 'IS'],
] as const;

const settingsKey = (customerId: number) => ['supply-settings', customerId];

/**
 * What the customer accepts when we are short (the EDIFACT 4493 codes his EDI orders use) and the share of shelf
 * life he wants left at delivery: the risk call offers what he accepts first, and availability leaves out lots too
 * old for him. An EDI order that states its own requirement overrides these for that order.
 */
export function SupplySettingsSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: settingsKey(customerId),
    queryFn: () => api.get<SupplySettings>(`/api/customers/${customerId}/supply-settings`),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  const s = query.data;
  if (!s) return null;
  return (
    <Paper withBorder p="sm" data-testid="supply-settings">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('supply.title')}</Title>
        {editable && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} />}
            onClick={() => setEditing(true)}
            data-testid="supply-settings-edit"
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {s.updatedAt === null && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('supply.none')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
        {FLAGS.map(([field, code]) => (
          <Field key={field} label={`${t(`supply.${field}`)} (${code})`}>
            <Badge size="sm" variant="light" color={s[field] ? 'teal' : 'gray'} data-testid={`supply-${code}`}>
              {s[field] ? t('common.yes') : t('common.no')}
            </Badge>
          </Field>
        ))}
        <Field label={`${t('supply.cancelIfLate')} (CD)`}>
          {s.cancelIfLateDays === null
            ? t('supply.noLimit')
            : s.cancelIfLateDays === 0
              ? t('supply.notOnTheDate')
              : t('supply.days', { count: s.cancelIfLateDays })}
        </Field>
        <Field label={t('supply.minShelfLife')}>
          {s.minRemainingShelfLifePct === null ? t('supply.noMinimum') : `${s.minRemainingShelfLifePct} %`}
        </Field>
      </SimpleGrid>
      {editing && <SupplySettingsModal settings={s} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

type Form = Omit<SupplySettings, 'customerId' | 'updatedAt' | 'cancelIfLateDays' | 'minRemainingShelfLifePct'> & {
  cancelIfLate: boolean;
  cancelIfLateDays: number | string;
  minRemainingShelfLifePct: number | string;
};

function SupplySettingsModal({ settings, onClose }: { settings: SupplySettings; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>({
    shipComplete: settings.shipComplete,
    acceptsBackorders: settings.acceptsBackorders,
    acceptsPartial: settings.acceptsPartial,
    acceptsSubstitutes: settings.acceptsSubstitutes,
    cancelIfLate: settings.cancelIfLateDays !== null,
    cancelIfLateDays: settings.cancelIfLateDays ?? 0,
    minRemainingShelfLifePct: settings.minRemainingShelfLifePct ?? '',
  });
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    // Ship complete only excludes a partial delivery of either kind.
    setForm((f) => ({
      ...f,
      [key]: value,
      ...(key === 'shipComplete' && value ? { acceptsBackorders: false, acceptsPartial: false } : {}),
    }));
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () => {
      const next = {
        shipComplete: form.shipComplete,
        acceptsBackorders: form.acceptsBackorders,
        acceptsPartial: form.acceptsPartial,
        acceptsSubstitutes: form.acceptsSubstitutes,
        cancelIfLateDays: form.cancelIfLate ? Number(form.cancelIfLateDays) : null,
        minRemainingShelfLifePct: form.minRemainingShelfLifePct === '' ? null : Number(form.minRemainingShelfLifePct),
      };
      // Only what changed: the audit shows what she meant to change.
      const changed = Object.fromEntries(
        Object.entries(next).filter(([k, v]) => settings[k as keyof typeof next] !== v || settings.updatedAt === null),
      );
      return Object.keys(changed).length
        ? api.patch<SupplySettings>(`/api/customers/${settings.customerId}/supply-settings`, changed)
        : Promise.resolve(settings);
    },
    (saved) => {
      queryClient.setQueryData(settingsKey(settings.customerId), saved);
      void queryClient.invalidateQueries({ queryKey: ['risks'] });
      onClose();
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('supply.title')} size="lg">
      <form onSubmit={handleSubmit}>
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('supply.hint')}
          </Text>
          <ErrorAlert error={generalError} />
          {FLAGS.map(([field, code]) => (
            <Switch
              key={field}
              label={`${t(`supply.${field}`)} (${code})`}
              description={t(`supply.${field}Help`)}
              checked={form[field]}
              disabled={form.shipComplete && (field === 'acceptsBackorders' || field === 'acceptsPartial')}
              onChange={(e) => set(field, e.currentTarget.checked)}
              error={errors[field]}
              data-testid={`supply-edit-${code}`}
            />
          ))}
          <Group align="flex-end" gap="sm">
            <Checkbox
              label={`${t('supply.cancelIfLate')} (CD)`}
              checked={form.cancelIfLate}
              onChange={(e) => set('cancelIfLate', e.currentTarget.checked)}
              data-testid="supply-edit-CD"
            />
            {form.cancelIfLate && (
              <NumberInput
                label={t('supply.cancelIfLateDays')}
                value={form.cancelIfLateDays}
                onChange={(v) => set('cancelIfLateDays', v)}
                min={0}
                max={90}
                allowDecimal={false}
                w={200}
                error={errors.cancelIfLateDays}
                data-testid="supply-edit-CD-days"
              />
            )}
          </Group>
          <NumberInput
            label={t('supply.minShelfLife')}
            description={t('supply.minShelfLifeHelp')}
            placeholder={t('supply.noMinimum')}
            value={form.minRemainingShelfLifePct}
            onChange={(v) => set('minRemainingShelfLifePct', v)}
            min={0}
            max={100}
            allowDecimal={false}
            suffix=" %"
            w={260}
            error={errors.minRemainingShelfLifePct}
            data-testid="supply-edit-shelf-life"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="supply-settings-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
