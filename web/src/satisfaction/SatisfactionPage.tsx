import { Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { useAuth } from '../app/auth.tsx';
import { useCustomer } from '../customers/use-customer.ts';
import { CallScript } from '../scripts/CallScript.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useDocumentTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { InterviewForm } from './InterviewForm.tsx';
import { InterviewHistory } from './InterviewHistory.tsx';
import { useSatisfactionDue, useSatisfactionGuides } from './use-satisfaction.ts';

/** A customer's satisfaction interview: whom to ring, the guide for his typology, the script, what he said before. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const guides = useSatisfactionGuides();
  const due = useSatisfactionDue();
  useDocumentTitle(customer.data ? `${t('satisfaction.title')} · ${customer.data.name}` : null);
  const error = customer.error ?? guides.error;
  if (error) return <ErrorAlert error={error} />;
  if (!customer.data || !guides.data) return <Loader />;
  const c = customer.data;
  const guide = guides.data.items.find((g) => g.typology === c.typology);
  const owed = due.data?.items.find((d) => d.customerId === id);
  const contact = c.contacts[0];
  const phone = contact?.phone ?? c.phone;
  return (
    <Stack gap="sm" maw={1400} data-testid="satisfaction-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h3">
            {t('satisfaction.title')} · {c.name}
          </Title>
          <Badge variant="light">{t(`typologies.${c.typology}`)}</Badge>
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/customers/${c.id}`} variant="default">
            {t('satisfaction.customer')}
          </Button>
          <Button component={Link} to="/satisfaction" variant="default">
            {t('satisfaction.dueList')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group gap="xl">
          <div>
            <Text size="sm" fw={600}>
              {contact ? `${contact.name}${contact.role ? ` · ${contact.role}` : ''}` : c.name}
            </Text>
            {phone && (
              <Anchor href={`tel:${phone.replace(/\s+/g, '')}`} size="sm">
                <Group gap={4}>
                  <IconPhone size={14} />
                  {phone}
                </Group>
              </Anchor>
            )}
            {contact?.preferredHours && (
              <Text size="xs" c="dimmed">
                {t('risks.call.hours', { hours: contact.preferredHours })}
              </Text>
            )}
          </div>
          {guide && (
            <Text size="sm" data-testid="interview-rhythm">
              {t('satisfaction.rhythm', { count: guide.rhythmMonths })}
              {owed &&
                ` · ${t('satisfaction.dueOn', { date: fmt.date(owed.dueOn) })}${
                  owed.lastInterviewOn ? ` · ${t('satisfaction.lastOn', { date: fmt.date(owed.lastInterviewOn) })}` : ''
                }`}
            </Text>
          )}
        </Group>
      </Paper>
      <Grid gutter="sm" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            {guide && can(ORDER_DESK) && <InterviewForm customerId={c.id} guide={guide} />}
            <InterviewHistory customerId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <CallScript typology={c.typology} screen="satisfaction" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
