import { Button, Paper } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageTitle } from './PageTitle.tsx';

type Props = {
  title: string;
  busy: boolean;
  generalError: unknown;
  saveTestId: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
};

/** A record's create/edit screen: title with Cancel and Save, the general error, then the fields. */
export function FormPage({ title, busy, generalError, saveTestId, onSubmit, children }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <form onSubmit={onSubmit} noValidate>
      <PageTitle title={title}>
        <Button variant="default" onClick={() => navigate(-1)}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy} data-testid={saveTestId}>
          {t('common.save')}
        </Button>
      </PageTitle>
      <ErrorAlert error={generalError} />
      <Paper withBorder p="md" maw={960} mt="xs">
        {children}
      </Paper>
    </form>
  );
}
