import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The manager's reason for an approval or an override: required, kept with the finding and on the timeline; what
 * the answer does, when it needs saying, above it (`children`).
 */
export function ReasonModal({
  opened,
  title,
  submit,
  color,
  busy,
  error,
  onClose,
  onSubmit,
  children,
}: {
  opened: boolean;
  title: string;
  children?: ReactNode;
  submit: string;
  color: string;
  busy: boolean;
  error?: string;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  useEffect(() => {
    if (opened) {
      setReason('');
      setTooShort(false);
    }
  }, [opened]);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return setTooShort(true);
    onSubmit(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <form onSubmit={send} data-testid="reason-form">
        <Stack gap="sm">
          {children}
          <Textarea
            label={t('rules.reason')}
            description={t('rules.reasonHint')}
            data-autofocus
            data-testid="reason-input"
            autosize
            minRows={2}
            value={reason}
            error={tooShort ? t('rules.reasonRequired') : error}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setTooShort(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.back')}
            </Button>
            <Button type="submit" color={color} loading={busy} data-testid="reason-submit">
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
