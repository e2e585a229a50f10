import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { SESSION_KEY } from '../app/query-client.ts';
import { fieldMessage } from '../shared/field-message.ts';

/** Her own password: the current one, then a new one that passes the rule; she goes on in a new session. */
export function PasswordPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const session = await api.post<Session>('/api/auth/password', { current, next });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
      setMessage({ ok: true, text: t('portal.passwordChanged') });
      setCurrent('');
      setNext('');
    } catch (e) {
      const first = e instanceof ApiError ? e.errors[0] : undefined;
      setMessage({ ok: false, text: first ? fieldMessage(first, t) : e instanceof ApiError ? e.detail : String(e) });
    }
  };
  return (
    <Paper withBorder p="lg" maw={420} component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={1} size="h3">
          {t('portal.password')}
        </Title>
        <PasswordInput
          label={t('portal.currentPassword')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('portal.newPassword')}
          description={t('portal.passwordRule')}
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} role="alert">
            {message.text}
          </Alert>
        )}
        <Button type="submit">{t('portal.changePassword')}</Button>
      </Stack>
    </Paper>
  );
}
