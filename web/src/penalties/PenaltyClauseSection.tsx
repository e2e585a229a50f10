import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { type CustomerPenaltyClause, toCents } from './types.ts';

type Form = {
  contractRef: string;
  lateFlat: number | string;
  latePerDay: number | string;
  missingPct: number | string;
  incidentFlat: number | string;
  targetPct: number | string;
  tolerancePct: number | string;
  contestDays: number | string;
  backordersAccepted: boolean;
  l441Applicable: boolean;
};

const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? '' : cents / 100);
const pct = (bp: number | null | undefined) => (bp === null || bp === undefined ? '' : bp / 100);
const toBp = (v: number | string) => (v === '' ? null : Math.round(Number(v) * 100));

/** A customer's logistic-penalty clause and whether the law's frame applies; managers and admins edit it. */
export function PenaltyClauseSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['penalty-clause', customerId],
    queryFn: () => api.get<CustomerPenaltyClause>(`/api/customers/${customerId}/penalty-clause`),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  const data = query.data;
  const c = data?.clause;
  const money = (v: number | null | undefined) => (v === null || v === undefined ? null : fmt.money(v));
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? null : fmt.rate(v));
  return (
    <Paper withBorder p="sm" data-testid="penalty-clause">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>{t('penalties.clauseTitle')}</Title>
          {data && (
            <Badge color={data.l441Applicable ? 'blue' : 'gray'} variant="light">
              {data.l441Applicable
                ? t('penalties.underL441', { cap: fmt.rate(data.frame.capBp) })
                : data.typology === 'GROSSISTE'
                  ? t('penalties.wholesalerExcluded')
                  : t('penalties.notUnderL441')}
            </Badge>
          )}
        </Group>
        {editable && data && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} />}
            onClick={() => setEditing(true)}
            data-testid="penalty-clause-edit"
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {data && !c && (
        <Text size="sm" c="dimmed">
          {t('penalties.noClause')}
        </Text>
      )}
      {c && (
        <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }} spacing="sm">
          <Field label={t('penalties.contractRef')}>{c.contractRef}</Field>
          <Field label={t('penalties.lateFlat')}>{money(c.lateFlatCents)}</Field>
          <Field label={t('penalties.latePerDay')}>{money(c.latePerDayCents)}</Field>
          <Field label={t('penalties.missingRate')}>{rate(c.missingValueBp)}</Field>
          <Field label={t('penalties.incidentFlat')}>{money(c.incidentFlatCents)}</Field>
          <Field label={t('penalties.serviceTarget')}>
            {rate(c.serviceRateTargetBp)}
            {c.serviceRateToleranceBp > 0 && ` ± ${fmt.rate(c.serviceRateToleranceBp)}`}
          </Field>
          <Field label={t('penalties.contestPeriod')}>
            {t('penalties.contestPeriodValue', { contract: c.contestPeriodDays ?? '—', cgv: data.frame.contestPeriodDays })}
          </Field>
          <Field label={t('penalties.backorders')}>{c.backordersAccepted ? t('common.yes') : t('common.no')}</Field>
          {c.note && <Field label={t('penalties.note')}>{c.note}</Field>}
        </SimpleGrid>
      )}
      {editing && data && <ClauseModal data={data} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function ClauseModal({ data, onClose }: { data: CustomerPenaltyClause; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const c = data.clause;
  const [form, setForm] = useState<Form>({
    contractRef: c?.contractRef ?? '',
    lateFlat: euros(c?.lateFlatCents),
    latePerDay: euros(c?.latePerDayCents),
    missingPct: pct(c?.missingValueBp),
    incidentFlat: euros(c?.incidentFlatCents),
    targetPct: pct(c?.serviceRateTargetBp),
    tolerancePct: pct(c?.serviceRateToleranceBp ?? 0),
    contestDays: c?.contestPeriodDays ?? '',
    backordersAccepted: c?.backordersAccepted ?? false,
    l441Applicable: c?.l441Applicable ?? data.typology === 'GMS_CENTRALE',
  });
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () =>
      api.put<CustomerPenaltyClause>(`/api/customers/${data.customerId}/penalty-clause`, {
        contractRef: form.contractRef.trim() || null,
        lateFlatCents: toCents(form.lateFlat),
        latePerDayCents: toCents(form.latePerDay),
        missingValueBp: toBp(form.missingPct),
        incidentFlatCents: toCents(form.incidentFlat),
        serviceRateTargetBp: toBp(form.targetPct),
        serviceRateToleranceBp: toBp(form.tolerancePct) ?? 0,
        contestPeriodDays: form.contestDays === '' ? null : Number(form.contestDays),
        backordersAccepted: form.backordersAccepted,
        l441Applicable: form.l441Applicable,
      }),
    () => {
      void queryClient.invalidateQueries({ queryKey: ['penalty-clause', data.customerId] });
      onClose();
    },
  );
  const num = (key: keyof Form, label: string, field: string, suffix?: string) => (
    <NumberInput
      label={label}
      value={form[key] as number | string}
      onChange={set(key)}
      min={0}
      decimalScale={2}
      suffix={suffix}
      error={errors[field]}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('penalties.clauseTitle')} size="lg">
      <form onSubmit={handleSubmit}>
        <Stack gap="xs">
          <ErrorAlert error={generalError} />
          <TextInput
            label={t('penalties.contractRef')}
            value={form.contractRef}
            onChange={(e) => set('contractRef')(e.currentTarget.value)}
            error={errors.contractRef}
            data-autofocus
          />
          <SimpleGrid cols={2} spacing="xs">
            {num('lateFlat', t('penalties.lateFlat'), 'lateFlatCents', ' €')}
            {num('latePerDay', t('penalties.latePerDay'), 'latePerDayCents', ' €')}
            {num('missingPct', t('penalties.missingRate'), 'missingValueBp', ' %')}
            {num('incidentFlat', t('penalties.incidentFlat'), 'incidentFlatCents', ' €')}
            {num('targetPct', t('penalties.serviceTarget'), 'serviceRateTargetBp', ' %')}
            {num('tolerancePct', t('penalties.tolerance'), 'serviceRateToleranceBp', ' %')}
            <NumberInput
              label={t('penalties.contestPeriodContract')}
              value={form.contestDays}
              onChange={set('contestDays')}
              min={1}
              max={365}
              error={errors.contestPeriodDays}
            />
          </SimpleGrid>
          <Checkbox
            label={t('penalties.backordersAccepted')}
            checked={form.backordersAccepted}
            onChange={(e) => set('backordersAccepted')(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('penalties.l441Applicable')}
            description={data.typology === 'GROSSISTE' ? t('penalties.wholesalerExcluded') : undefined}
            checked={form.l441Applicable}
            onChange={(e) => set('l441Applicable')(e.currentTarget.checked)}
          />
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
