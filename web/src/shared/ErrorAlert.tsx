import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message.ts';

/** A refused request, said plainly: the server's detail, or a generic line for a network failure. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={16} />} title={title ?? t('errors.title')} role="alert" py="xs">
      {errorMessage(error, t)}
    </Alert>
  );
}
