import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallOutcome, CallPurpose } from '../../../core/calls/call.ts';
import type { CustomerCallRhythm } from '../../../core/calls/calls.schemas.ts';
import { CALL_ITEM_KINDS } from '../../../core/day/day-item.ts';
import type { DayItem } from '../../../core/day/day.schemas.ts';
import { api } from '../api/client.ts';
import { useCustomer } from '../customers/use-customer.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { nowInstant } from '../shared/clock.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { PinnedNotes, useCustomerStory } from '../story/PinnedNotes.tsx';
import { useDay } from '../day/use-day.ts';
import { InterviewForm } from '../satisfaction/InterviewForm.tsx';
import { useSatisfactionGuides } from '../satisfaction/use-satisfaction.ts';
import { CallScript } from '../scripts/CallScript.tsx';
import { useLanguage } from '../shared/use-language.ts';
import { CallOutcomeForm, CallTimer } from './CallOutcomeForm.tsx';

const PURPOSE_OF_KIND: Record<string, CallPurpose> = {
  'ordering-call': 'ordering',
  'call-back': 'call-back',
  'satisfaction-call': 'satisfaction',
};

/** "Lancer mes appels": the day's calls one after the other, by the keyboard alone; each logged before the next. */
export function CallSeriesPage() {
  const { t } = useTranslation();
  const day = useDay();
  const [done, setDone] = useState<string[]>([]);
  const calls = (day.data?.items ?? []).filter((i) => CALL_ITEM_KINDS.includes(i.kind) && !done.includes(i.ref));
  const current = calls[0];
  return (
    <Stack gap="sm" maw={1100}>
      <PageTitle title={t('calls.series')}>
        <Button variant="default" component={Link} to="/day">
          {t('calls.backToDay')}
        </Button>
      </PageTitle>
      <ErrorAlert error={day.error} />
      {day.isPending && <Loader />}
      {day.data && !current && (
        <Alert color="green" data-testid="series-done">
          {t('calls.seriesDone', { count: done.length })}
        </Alert>
      )}
      {current && (
        <CallCard
          key={current.ref}
          item={current}
          position={done.length + 1}
          total={done.length + calls.length}
          onLogged={() => setDone((d) => [...d, current.ref])}
        />
      )}
    </Stack>
  );
}

function CallCard({ item, position, total, onLogged }: { item: DayItem; position: number; total: number; onLogged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const customerId = item.customerId!;
  const [startedAt] = useState(nowInstant);
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const customer = useCustomer(customerId);
  const story = useCustomerStory(customerId);
  const rhythm = useQuery({
    queryKey: ['customers', customerId, 'call-rhythm'],
    queryFn: () => api.get<CustomerCallRhythm>(`/api/customers/${customerId}/call-rhythm`),
  });
  const purpose = PURPOSE_OF_KIND[item.kind] ?? 'ordering';
  const guides = useSatisfactionGuides();
  const guide = guides.data?.items.find((g) => g.typology === customer.data?.typology);
  const contact = rhythm.data?.rhythm?.contactId
    ? customer.data?.contacts.find((c) => c.id === rhythm.data?.rhythm?.contactId)
    : customer.data?.contacts[0];

  const open = story.data?.open;
  return (
    <Paper withBorder p="md" data-testid="call-card" data-ref={item.ref}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="light">{t('calls.position', { position, total })}</Badge>
            <Title order={3}>{item.customerName}</Title>
            {customer.data && (
              <Badge variant="default">{t(`typologies.${customer.data.typology}`, { defaultValue: customer.data.typology })}</Badge>
            )}
          </Group>
          <CallTimer startedAt={startedAt} />
        </Group>
        <Text size="sm">
          {contact
            ? `${contact.name}${contact.role ? ` (${contact.role})` : ''} · ${contact.phone ?? customer.data?.phone ?? ''}`
            : (customer.data?.phone ?? '')}
          {rhythm.data?.rhythm && ` · ${t('calls.bestTime', { from: rhythm.data.rhythm.from, to: rhythm.data.rhythm.to })}`}
          {contact?.preferredHours && ` · ${contact.preferredHours}`}
        </Text>
        <Text size="sm" fw={600}>
          {t('calls.why')}: {item.reason[lang]}
        </Text>
        {purpose === 'satisfaction' && customer.data ? (
          <CallScript typology={customer.data.typology} screen="satisfaction" />
        ) : (
          <Alert color="gray" variant="light" title={t('calls.script')} py="xs">
            <Text size="sm">
              {t(`calls.scripts.${purpose}`, { context: customer.data?.typology === 'ARTISAN' ? 'artisan' : undefined })}
            </Text>
          </Alert>
        )}
        <PinnedNotes customerId={customerId} />
        {item.handovers.map((h) => (
          <Text size="sm" key={h.id} c="grape.8">
            ✎ {h.text} — {h.authorName}
          </Text>
        ))}
        {open && (open.complaints.length > 0 || open.risks.length > 0 || open.approvals.length > 0) && (
          <Text size="sm" c="orange.8" data-testid="open-matters">
            {t('calls.open', { complaints: open.complaints.length, risks: open.risks.length, approvals: open.approvals.length })}
          </Text>
        )}
        {/* The interview is the call's substance: saved, the call is handled and Enter logs it and moves on. */}
        {purpose === 'satisfaction' && guide && (
          <InterviewForm customerId={customerId} guide={guide} onSaved={() => setOutcome('handled')} inSeries />
        )}
        <CallOutcomeForm
          customerId={customerId}
          contactId={contact?.id}
          direction="out"
          purpose={purpose}
          startedAt={startedAt}
          outcome={outcome}
          onOutcome={setOutcome}
          saveLabel={t('calls.saveNext')}
          saveHint={t('calls.keysSave')}
          onLogged={onLogged}
        />
      </Stack>
    </Paper>
  );
}
