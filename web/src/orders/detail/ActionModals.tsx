import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
}: Props & { title: string; label: string; field: string; submit: string; color: string }) {
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

export function ShipModal(props: Props) {
  const { t } = useTranslation();
  return (
    <OneFieldModal
      {...props}
      title={t('actions.ship')}
      label={t('detail.noteNumberOptional')}
      field="deliveryNoteNumber"
      submit={t('actions.ship')}
      color="violet"
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
