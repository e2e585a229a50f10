import { Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Terms } from '../../../core/terms/terms.types.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { type CustomerTerms, euros, toCents } from './types.ts';

/** The customer's terms: its typology's CGV with its own agreement on top (overridden values marked), and its credit. */
export function CustomerTermsSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['customer-terms', customerId],
    queryFn: () => api.get<CustomerTerms>(`/api/customers/${customerId}/terms`),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  const data = query.data;
  if (!data) return null;
  const e = data.effective;
  const o = data.overrides;
  const mark = (overridden: boolean, value: ReactNode) => (
    <Group gap={4} wrap="nowrap">
      {value}
      {overridden && (
        <Badge size="xs" variant="light" color="orange">
          {t('terms.agreed')}
        </Badge>
      )}
    </Group>
  );
  const franco = (f: Terms['franco']) =>
    !f
      ? t('terms.noFranco')
      : t('terms.francoText', {
          threshold: f.measure === 'value' ? fmt.money(f.threshold) : `${f.threshold} ${t('terms.pallets')}`,
          fee: fmt.money(f.feeBelowCents),
        });
  const c = data.credit;
  return (
    <Paper withBorder p="sm" data-testid="customer-terms">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>{t('terms.customerTitle')}</Title>
          <Badge variant="light">{e.reference}</Badge>
        </Group>
        {editable && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} />}
            onClick={() => setEditing(true)}
            data-testid="customer-terms-edit"
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }} spacing="sm">
        <Field label={t('terms.minOrder')}>
          {mark(
            o.minOrderValueCents !== null || o.minOrderPallets !== null,
            [
              e.minOrderValueCents !== null && fmt.money(e.minOrderValueCents),
              e.minOrderPallets !== null && `${e.minOrderPallets} ${t('terms.pallets')}`,
            ]
              .filter(Boolean)
              .join(' · ') || '—',
          )}
        </Field>
        <Field label={t('terms.franco')}>{mark(o.franco !== null, franco(e.franco))}</Field>
        <Field label={t('terms.orderMultiple')}>{t(`terms.units.${e.orderMultiples.default}`)}</Field>
        <Field label={t('terms.truck')}>
          {mark(
            o.truckMaxPallets !== null || o.truckMaxWeightG !== null,
            `${e.truck.maxPallets} ${t('terms.pallets')} · ${fmt.number(e.truck.maxWeightG / 1_000_000)} t`,
          )}
        </Field>
        <Field label={t('terms.creditCheck')}>{mark(o.creditCheck !== null, e.creditCheck ? t('common.yes') : t('common.no'))}</Field>
        <Field label={t('terms.credit')}>
          {t('terms.creditText', {
            used: fmt.money(c.unpaidBalanceCents + c.openOrdersCents),
            limit: c.limitCents === null ? '—' : fmt.money(c.limitCents),
          })}
          {c.overdueCents > 0 && (
            <Text size="xs" c="red">
              {t('terms.overdue', { amount: fmt.money(c.overdueCents) })}
            </Text>
          )}
          <Text size="xs" c="dimmed" data-testid="credit-as-of">
            {c.asOf ? t('terms.creditAsOf', { date: fmt.date(c.asOf) }) : t('terms.creditNoFigures')}
          </Text>
        </Field>
      </SimpleGrid>
      {editing && <OverridesModal data={data} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

type Form = {
  reference: string;
  minOrder: number | string;
  minPallets: number | string;
  francoMeasure: string;
  francoThreshold: number | string;
  francoFee: number | string;
  truckPallets: number | string;
  creditCheck: string;
};

function OverridesModal({ data, onClose }: { data: CustomerTerms; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const o = data.overrides;
  const b = data.base;
  const [form, setForm] = useState<Form>({
    reference: o.reference ?? '',
    minOrder: euros(o.minOrderValueCents),
    minPallets: o.minOrderPallets ?? '',
    francoMeasure: o.franco?.measure ?? 'inherit',
    francoThreshold: o.franco ? (o.franco.measure === 'value' ? o.franco.threshold / 100 : o.franco.threshold) : '',
    francoFee: euros(o.franco?.feeBelowCents),
    truckPallets: o.truckMaxPallets ?? '',
    creditCheck: o.creditCheck === null ? 'inherit' : String(o.creditCheck),
  });
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () =>
      api.put<CustomerTerms>(`/api/customers/${data.customerId}/terms`, {
        ...o,
        reference: form.reference.trim() || null,
        minOrderValueCents: toCents(form.minOrder),
        minOrderPallets: form.minPallets === '' ? null : Number(form.minPallets),
        franco:
          form.francoMeasure === 'inherit'
            ? null
            : {
                measure: form.francoMeasure,
                threshold: form.francoMeasure === 'value' ? (toCents(form.francoThreshold) ?? 0) : Number(form.francoThreshold || 0),
                feeBelowCents: toCents(form.francoFee) ?? 0,
              },
        truckMaxPallets: form.truckPallets === '' ? null : Number(form.truckPallets),
        creditCheck: form.creditCheck === 'inherit' ? null : form.creditCheck === 'true',
      }),
    () => {
      void queryClient.invalidateQueries({ queryKey: ['customer-terms', data.customerId] });
      onClose();
    },
  );
  const inherited = (value: string) => t('terms.inherited', { value });
  return (
    <Modal opened onClose={onClose} title={t('terms.customerTitle')} size="lg">
      <form onSubmit={handleSubmit}>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('terms.overridesHint')}
          </Text>
          <ErrorAlert error={generalError} />
          <TextInput
            label={t('terms.reference')}
            placeholder={inherited(b.reference)}
            value={form.reference}
            onChange={(e) => set('reference')(e.currentTarget.value)}
            error={errors.reference}
            data-autofocus
          />
          <SimpleGrid cols={2} spacing="xs">
            <NumberInput
              label={t('terms.minOrderValue')}
              placeholder={inherited(b.minOrderValueCents === null ? '—' : fmt.money(b.minOrderValueCents))}
              value={form.minOrder}
              onChange={set('minOrder')}
              min={0}
              decimalScale={2}
              suffix=" €"
              error={errors.minOrderValueCents}
            />
            <NumberInput
              label={t('terms.minOrderPallets')}
              placeholder={inherited(String(b.minOrderPallets ?? '—'))}
              value={form.minPallets}
              onChange={set('minPallets')}
              min={0}
              error={errors.minOrderPallets}
            />
            <Select
              label={t('terms.francoMeasure')}
              allowDeselect={false}
              value={form.francoMeasure}
              onChange={(v) => v && set('francoMeasure')(v)}
              data={[
                {
                  value: 'inherit',
                  label: inherited(b.franco ? t(`terms.francoMeasures.${b.franco.measure}`) : t('terms.francoMeasures.none')),
                },
                ...(['value', 'pallets'] as const).map((m) => ({ value: m, label: t(`terms.francoMeasures.${m}`) })),
              ]}
            />
            <div />
            {form.francoMeasure !== 'inherit' && (
              <>
                <NumberInput
                  label={t('terms.francoThreshold')}
                  value={form.francoThreshold}
                  onChange={set('francoThreshold')}
                  min={0}
                  decimalScale={2}
                  suffix={form.francoMeasure === 'value' ? ' €' : ''}
                  error={errors['franco.threshold']}
                />
                <NumberInput
                  label={t('terms.francoFee')}
                  value={form.francoFee}
                  onChange={set('francoFee')}
                  min={0}
                  decimalScale={2}
                  suffix=" €"
                  error={errors['franco.feeBelowCents']}
                />
              </>
            )}
            <NumberInput
              label={t('terms.truckPallets')}
              placeholder={inherited(String(b.truck.maxPallets))}
              value={form.truckPallets}
              onChange={set('truckPallets')}
              min={1}
              error={errors.truckMaxPallets}
            />
            <Select
              label={t('terms.creditCheck')}
              allowDeselect={false}
              value={form.creditCheck}
              onChange={(v) => v && set('creditCheck')(v)}
              data={[
                { value: 'inherit', label: inherited(b.creditCheck ? t('common.yes') : t('common.no')) },
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="customer-terms-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
