import { Button, Group, Kbd, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CALL_OUTCOMES, type CallDirection, type CallOutcome, type CallPurpose } from '../../../core/calls/call.ts';
import type { Call } from '../../../core/calls/calls.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { nowInstant, parisToday } from '../shared/clock.ts';

/** The outcomes in the order of their keys (1 … 6). */
const KEYED: readonly CallOutcome[] = ['order-taken', 'no-answer', 'call-back', 'message-left', 'nothing-to-order', 'handled'];

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

/** The call's running length (mm:ss) since it started. */
export function CallTimer({ startedAt }: { startedAt: string }) {
  const { t } = useTranslation();
  const timer = useTimer(startedAt);
  return (
    <Text size="xl" ff="monospace" fw={700} data-testid="call-timer" aria-label={t('calls.timer')}>
      {timer}
    </Text>
  );
}

type Props = {
  customerId: number;
  contactId?: number;
  direction: CallDirection;
  purpose: CallPurpose;
  startedAt: string;
  /** Held by the screen, which may settle it itself (a satisfaction interview saved: the call is handled). */
  outcome: CallOutcome | null;
  onOutcome: (outcome: CallOutcome) => void;
  /** The save button's words and the Enter key's hint: "next" in a series, "end" for a call on its own. */
  saveLabel: string;
  saveHint: string;
  onLogged: () => void;
};

/**
 * How a call ended, by the keyboard alone (1–6 the outcome, N the note, Enter logs it), in or out: logging it ends
 * the call; an order taken goes straight on to the order entry for that customer.
 */
export function CallOutcomeForm(props: Props) {
  const { customerId, contactId, direction, purpose, startedAt, outcome, onOutcome: setOutcome, saveLabel, saveHint, onLogged } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [callBack, setCallBack] = useState('16:00');
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const save = useMutation({
    mutationFn: (o: CallOutcome) =>
      api.post<Call>('/api/calls', {
        customerId,
        ...(contactId ? { contactId } : {}),
        direction,
        purpose,
        startedAt,
        endedAt: nowInstant(),
        outcome: o,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(o === 'call-back' ? { callBackAt: new Date(`${parisToday()}T${callBack}:00`).toISOString() } : {}),
      }),
    onSuccess: (_call, o) => {
      void queryClient.invalidateQueries({ queryKey: ['day'] });
      void queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
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
  }, [outcome, save, setOutcome]);

  return (
    <Stack gap="sm">
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
      <Textarea ref={noteRef} label={t('calls.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      <ErrorAlert error={save.error} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">1</Kbd>–<Kbd size="xs">6</Kbd> {t('calls.keysOutcome')} · <Kbd size="xs">N</Kbd> {t('calls.keysNote')} ·{' '}
          <Kbd size="xs">↵</Kbd> {saveHint}
        </Text>
        <Button disabled={!outcome} loading={save.isPending} onClick={() => outcome && save.mutate(outcome)} data-testid="save-call">
          {saveLabel}
        </Button>
      </Group>
    </Stack>
  );
}
