import { Alert, Button, Center, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import type { DemoLogins } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const demo = useQuery({ queryKey: ['demo'], queryFn: () => api.get<DemoLogins>('/api/demo'), staleTime: Infinity });
  const from = (location.state as { from?: string } | null)?.from ?? '/'; // the home route lands each role on its own screen (an assistant on her day)

  if (user) return <Navigate to={user.role === 'buyer' ? '/portal' : from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      // The Navigate above sends a buyer to her portal and staff where they were going.
      void navigate(from, { replace: true });
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      setError(
        status === 401
          ? t('login.badCredentials')
          : status === 429
            ? t('login.rateLimited')
            : e instanceof ApiError
              ? e.detail
              : t('errors.network'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Stack w={380} gap="md">
        <Paper withBorder shadow="sm" p="lg" component="form" onSubmit={submit}>
          <Stack gap="sm">
            <Title order={1} size="h2" c="blue.8">
              Carnet
            </Title>
            <Text size="sm" c="dimmed">
              {t('login.subtitle')}
            </Text>
            <TextInput
              size="sm"
              label={t('login.email')}
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              size="sm"
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert" py="xs">
                {error}
              </Alert>
            )}
            <Button size="sm" type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
          </Stack>
        </Paper>
        {demo.data?.password && (
          <Paper withBorder p="sm" data-testid="demo-logins">
            <Text size="xs" fw={600} mb={4}>
              {t('login.demoAccounts', { password: demo.data.password })}
            </Text>
            <Table fz="xs" verticalSpacing={2}>
              <Table.Tbody>
                {demo.data.accounts.map((a) => (
                  <Table.Tr key={a.email}>
                    <Table.Td>{a.email}</Table.Td>
                    <Table.Td c="dimmed">{t(`roles.${a.role}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <Center>
          <LanguageSwitch long />
        </Center>
      </Stack>
    </Center>
  );
}
