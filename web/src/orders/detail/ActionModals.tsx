import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shipsAhead } from '../../../../core/orders/ship-ahead.ts';
import { parisToday } from '../../shared/clock.ts';
import { useFormat } from '../../shared/use-format.ts';

type Props = {
  opened: boolean;
  busy: boolean;
  errors: Record<string, string>;
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => void;
};

/** One optional text, then the action: the BL number when shipping, the reason when cancelling. */
function OneFieldModal({
  opened,
  busy,
  errors,
  onClose,
  onSubmit,
  title,
  label,
  field,
  submit,
  color,
  warning,
}: Props & { title: string; label: string; field: string; submit: string; color: string; warning?: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value.trim() ? { [field]: value.trim() } : {});
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm">
      <form onSubmit={send}>
        <Stack gap="sm">
          {warning && (
            <Alert color="orange" data-testid="action-warning">
              {warning}
            </Alert>
          )}
          <TextInput
            size="sm"
            label={label}
            data-autofocus
            value={value}
            error={errors[field]}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.back')}
            </Button>
            <Button type="submit" color={color} loading={busy}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Shipping asks for the delivery note number, and says so when the goods would leave days before they are due. */
export function ShipModal({ due, ...props }: Props & { due: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ahead = props.opened ? shipsAhead(parisToday(), due) : null;
  return (
    <OneFieldModal
      {...props}
      title={t('actions.ship')}
      label={t('detail.noteNumberOptional')}
      field="deliveryNoteNumber"
      submit={ahead ? t('actions.shipAnyway') : t('actions.ship')}
      color="violet"
      warning={ahead && t('detail.shipAhead', { due: fmt.date(due), last: fmt.date(ahead.lastShipDate), count: ahead.days })}
    />
  );
}

export function CancelModal(props: Props) {
  const { t } = useTranslation();
  return (
    <OneFieldModal
      {...props}
      title={t('actions.cancel')}
      label={t('detail.cancelReason')}
      field="reason"
      submit={t('actions.cancelConfirm')}
      color="red"
    />
  );
}
