import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { Static } from '@sinclair/typebox';
import { useQuery } from '@tanstack/react-query';
import type { AccountLinkSchema } from '../../../core/auth/users.schemas.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { fieldMessage } from '../shared/field-message.ts';

type AccountLink = Static<typeof AccountLinkSchema>;

/** The page an emailed one-time link opens (the token in the fragment, never sent to a server log): choose a password. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const token = window.location.hash.slice(1);
  const link = useQuery({
    queryKey: ['account-link', token],
    queryFn: () => api.get<AccountLink>(`/api/auth/links/${encodeURIComponent(token)}`),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.post(`/api/auth/links/${encodeURIComponent(token)}`, { password });
      setDone(true);
    } catch (e) {
      const first = e instanceof ApiError ? e.errors[0] : undefined;
      setError(first ? fieldMessage(first, t) : e instanceof ApiError ? e.detail : String(e));
    }
  };
  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Paper withBorder p="lg" w={420} component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Title order={1} size="h3">
            {t('portal.setPassword')}
          </Title>
          {link.error && <Alert color="red">{t('portal.linkUsed')}</Alert>}
          {link.data && <Text size="sm">{t('portal.setPasswordFor', { name: link.data.name, email: link.data.email })}</Text>}
          {done ? (
            <Alert color="green">
              {t('portal.passwordSet')} <Link to="/login">{t('login.submit')}</Link>
            </Alert>
          ) : (
            <>
              <PasswordInput
                label={t('portal.newPassword')}
                description={t('portal.passwordRule')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {error && <Alert color="red">{error}</Alert>}
              <Button type="submit" disabled={!link.data}>
                {t('portal.setPassword')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
