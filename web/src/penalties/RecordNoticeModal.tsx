import { Checkbox, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_KINDS } from '../../../core/penalties/notice.ts';
import { PENALTY_CATEGORIES, PENALTY_CATEGORY_NAMES } from '../../../core/penalties/penalty.ts';
import { useBilingual } from '../orders/rules/bilingual.ts';
import { api } from '../api/client.ts';
import { useCustomerOptions } from '../orders/use-customer-options.ts';
import { parisToday } from '../shared/clock.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { type PenaltyNotice, toCents } from './types.ts';
import { DateField } from '../shared/DateField.tsx';

const FLAGS = ['proofOfFailure', 'proofOfHarm', 'stockoutDocumented', 'deductedFromInvoice'] as const;

/** Records a notice as received: who, which failure, how much, and what proof came with it. The checks run on save. */
export function RecordNoticeModal({ onClose, onRecorded }: { onClose: () => void; onRecorded: (id: number) => void }) {
  const { t } = useTranslation();
  const say = useBilingual();
  const queryClient = useQueryClient();
  const customers = useCustomerOptions();
  const today = parisToday();
  const [f, setF] = useState({
    reference: '',
    customerId: null as string | null,
    orderId: '' as number | string,
    externalOrderRef: '',
    receivedDate: today,
    failureDate: '',
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- widens the form's value: a kind can be cleared
    kind: 'late' as string | null,
    category: null as string | null,
    claimed: '' as number | string,
    proofOfFailure: false,
    proofOfHarm: false,
    stockoutDocumented: false,
    deductedFromInvoice: false,
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) => setF((s) => ({ ...s, [key]: value }));
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () =>
      api.post<PenaltyNotice>('/api/penalty-notices', {
        reference: f.reference.trim(),
        customerId: Number(f.customerId),
        orderId: f.orderId === '' ? null : Number(f.orderId),
        externalOrderRef: f.externalOrderRef.trim() || null,
        receivedDate: f.receivedDate,
        failureDate: f.failureDate,
        kind: f.kind,
        category: f.category,
        claimedCents: toCents(f.claimed) ?? 0,
        proofOfFailure: f.proofOfFailure,
        proofOfHarm: f.proofOfHarm,
        stockoutDocumented: f.stockoutDocumented,
        deductedFromInvoice: f.deductedFromInvoice,
      }),
    (notice) => {
      void queryClient.invalidateQueries({ queryKey: ['penalty-notices'] });
      onClose();
      onRecorded(notice.id);
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('penalties.record')} size="lg">
      <form onSubmit={handleSubmit} data-testid="notice-form">
        <Stack gap="xs">
          <ErrorAlert error={generalError} />
          <SimpleGrid cols={2} spacing="xs">
            <TextInput
              label={t('penalties.reference')}
              required
              value={f.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
              error={errors.reference}
              data-autofocus
            />
            <Select
              label={t('penalties.customer')}
              required
              searchable
              data={customers}
              value={f.customerId}
              onChange={(v) => set('customerId', v)}
              error={errors.customerId}
            />
            <NumberInput
              label={t('penalties.orderId')}
              value={f.orderId}
              onChange={(v) => set('orderId', v)}
              min={1}
              error={errors.orderId}
            />
            <TextInput
              label={t('penalties.externalOrderRef')}
              value={f.externalOrderRef}
              onChange={(e) => set('externalOrderRef', e.currentTarget.value)}
              error={errors.externalOrderRef}
            />
            <DateField
              label={t('penalties.receivedDate')}
              required
              value={f.receivedDate}
              onChange={(v) => set('receivedDate', v)}
              error={errors.receivedDate}
            />
            <DateField
              label={t('penalties.failureDate')}
              required
              value={f.failureDate}
              onChange={(v) => set('failureDate', v)}
              error={errors.failureDate}
            />
            <Select
              label={t('penalties.kind')}
              required
              data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`penalties.kinds.${k}`) }))}
              value={f.kind}
              onChange={(v) => set('kind', v)}
              error={errors.kind}
            />
            <Select
              label={t('penalties.category')}
              clearable
              data={PENALTY_CATEGORIES.map((c) => ({ value: c, label: say(PENALTY_CATEGORY_NAMES[c]) }))}
              value={f.category}
              onChange={(v) => set('category', v)}
              error={errors.category}
            />
            <NumberInput
              label={t('penalties.claimed')}
              required
              value={f.claimed}
              onChange={(v) => set('claimed', v)}
              min={0}
              decimalScale={2}
              suffix=" €"
              error={errors.claimedCents}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs">
            {FLAGS.map((flag) => (
              <Checkbox
                key={flag}
                label={t(`penalties.flags.${flag}`)}
                checked={f[flag]}
                onChange={(e) => set(flag, e.currentTarget.checked)}
              />
            ))}
          </SimpleGrid>
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
