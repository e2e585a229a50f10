import { Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryPoint } from '../../../core/customers/customer.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { bindText } from '../shared/bind-text.ts';
import { FormActions } from '../shared/FormActions.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { WeekdayChips } from '../shared/WeekdayChips.tsx';
import { deliveryPointBody, type DeliveryPointFormValues, deliveryPointToForm } from './delivery-point-form.ts';

type TextField = Exclude<keyof DeliveryPointFormValues, 'deliveryWeekdays' | 'appointmentRequired' | 'isDefault'>;

export function DeliveryPointModal({
  customerId,
  point,
  onClose,
}: {
  customerId: number;
  point: DeliveryPoint | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => deliveryPointToForm(point));
  const form = useSubmit(
    () =>
      point
        ? api.put<DeliveryPoint>(`/api/delivery-points/${point.id}`, deliveryPointBody(values))
        : api.post<DeliveryPoint>(`/api/customers/${customerId}/delivery-points`, deliveryPointBody(values)),
    () => {
      void queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
      onClose();
    },
  );
  const bound = bindText(values, setValues, form.errors, (name) => t(`points.${name}`));
  const text = (name: TextField, required = false) => bound(name, { required });

  return (
    <Modal opened onClose={onClose} title={point ? point.name : t('points.new')} size="lg">
      <form onSubmit={form.handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={form.generalError} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput {...text('code', true)} data-autofocus />
            <TextInput {...text('name', true)} />
            <TextInput {...text('street', true)} />
            <TextInput {...text('gln')} />
            <TextInput {...text('postcode', true)} />
            <TextInput {...text('city', true)} />
          </SimpleGrid>
          <WeekdayChips
            label={t('points.weekdays')}
            error={form.errors.deliveryWeekdays}
            value={values.deliveryWeekdays}
            onChange={(days) => setValues((v) => ({ ...v, deliveryWeekdays: days }))}
          />
          <SimpleGrid cols={4} spacing="sm">
            <TextInput {...text('leadTimeDays', true)} />
            <TextInput {...text('cutoffTime', true)} placeholder="12:00" />
            <TextInput {...text('windowFrom')} placeholder="06:00" />
            <TextInput {...text('windowTo')} placeholder="11:00" />
          </SimpleGrid>
          <TextInput {...text('unloadingNotes')} />
          <Group>
            <Checkbox
              label={t('points.appointmentRequired')}
              checked={values.appointmentRequired}
              onChange={(e) => setValues((v) => ({ ...v, appointmentRequired: e.currentTarget.checked }))}
            />
            <Checkbox
              label={t('points.isDefault')}
              checked={values.isDefault}
              onChange={(e) => setValues((v) => ({ ...v, isDefault: e.currentTarget.checked }))}
            />
          </Group>
          <FormActions busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
