import { Alert, Badge, Button, Group, Kbd, Loader, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CALL_OUTCOMES, type CallOutcome, type CallPurpose } from '../../../core/calls/call.ts';
import type { Call, CustomerCallRhythm } from '../../../core/calls/calls.schemas.ts';
import { CALL_ITEM_KINDS } from '../../../core/day/day-item.ts';
import type { DayItem } from '../../../core/day/day.schemas.ts';
import { api } from '../api/client.ts';
import { useCustomer } from '../customers/use-customer.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { nowInstant, parisToday } from '../shared/clock.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { PinnedNotes, useCustomerStory } from '../story/PinnedNotes.tsx';
import { useDay } from '../day/use-day.ts';
import { InterviewForm } from '../satisfaction/InterviewForm.tsx';
import { useSatisfactionGuides } from '../satisfaction/use-satisfaction.ts';
import { CallScript } from '../scripts/CallScript.tsx';
import { useLanguage } from '../shared/use-language.ts';

/** The outcomes in the order of their keys (1 … 6). */
const KEYED: readonly CallOutcome[] = ['order-taken', 'no-answer', 'call-back', 'message-left', 'nothing-to-order', 'handled'];
const PURPOSE_OF_KIND: Record<string, CallPurpose> = {
  'ordering-call': 'ordering',
  'call-back': 'call-back',
  'satisfaction-call': 'satisfaction',
};

function useTimer(startedAt: string) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    setNow(nowInstant());
    const id = setInterval(() => setNow(nowInstant()), 1000);
    return () => clearInterval(id);
  }, [startedAt]);
  const seconds = Math.max(0, Math.round((Date.parse(now) - Date.parse(startedAt)) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

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
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const customerId = item.customerId!;
  const [startedAt] = useState(nowInstant);
  const timer = useTimer(startedAt);
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [note, setNote] = useState('');
  const [callBack, setCallBack] = useState('16:00');
  const customer = useCustomer(customerId);
  const story = useCustomerStory(customerId);
  const rhythm = useQuery({
    queryKey: ['customers', customerId, 'call-rhythm'],
    queryFn: () => api.get<CustomerCallRhythm>(`/api/customers/${customerId}/call-rhythm`),
  });
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const purpose = PURPOSE_OF_KIND[item.kind] ?? 'ordering';
  const guides = useSatisfactionGuides();
  const guide = guides.data?.items.find((g) => g.typology === customer.data?.typology);
  const contact = rhythm.data?.rhythm?.contactId
    ? customer.data?.contacts.find((c) => c.id === rhythm.data?.rhythm?.contactId)
    : customer.data?.contacts[0];

  const save = useMutation({
    mutationFn: (o: CallOutcome) =>
      api.post<Call>('/api/calls', {
        customerId,
        ...(contact ? { contactId: contact.id } : {}),
        direction: 'out',
        purpose,
        startedAt,
        endedAt: nowInstant(),
        outcome: o,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(o === 'call-back' ? { callBackAt: new Date(`${parisToday()}T${callBack}:00`).toISOString() } : {}),
      }),
    onSuccess: (_call, o) => {
      void queryClient.invalidateQueries({ queryKey: ['day'] });
      onLogged();
      if (o === 'order-taken') void navigate(`/orders/new?customerId=${customerId}`);
    },
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (!typing && /^[1-6]$/.test(e.key) && !e.altKey && !e.ctrlKey) {
        e.preventDefault();
        setOutcome(KEYED[Number(e.key) - 1]);
      } else if (!typing && e.key.toLowerCase() === 'n' && !e.altKey && !e.ctrlKey) {
        e.preventDefault();
        noteRef.current?.focus();
      } else if (e.key === 'Enter' && (!typing || e.ctrlKey) && outcome && !save.isPending) {
        e.preventDefault();
        save.mutate(outcome);
      } else if (e.key === 'Escape' && typing) (e.target as HTMLElement).blur();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [outcome, save]);

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
          <Text size="xl" ff="monospace" fw={700} data-testid="call-timer" aria-label={t('calls.timer')}>
            {timer}
          </Text>
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
        <SegmentedControl
          fullWidth
          value={outcome ?? ''}
          onChange={(v) => setOutcome(v as CallOutcome)}
          data={CALL_OUTCOMES.map((o) => ({ value: o, label: `${KEYED.indexOf(o) + 1} · ${t(`calls.outcomes.${o}`)}` }))}
          aria-label={t('calls.outcome')}
        />
        {outcome === 'call-back' && (
          <TextInput
            label={t('calls.callBackAt')}
            type="time"
            value={callBack}
            onChange={(e) => setCallBack(e.currentTarget.value)}
            w={160}
          />
        )}
        <Textarea
          ref={noteRef}
          label={t('calls.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">1</Kbd>–<Kbd size="xs">6</Kbd> {t('calls.keysOutcome')} · <Kbd size="xs">N</Kbd> {t('calls.keysNote')} ·{' '}
            <Kbd size="xs">↵</Kbd> {t('calls.keysSave')}
          </Text>
          <Button disabled={!outcome} loading={save.isPending} onClick={() => outcome && save.mutate(outcome)} data-testid="save-call">
            {t('calls.saveNext')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
