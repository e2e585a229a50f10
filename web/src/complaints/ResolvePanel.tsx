import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { canMove } from '../../../core/complaints/complaint.ts';
import type { ComplaintDetail } from '../../../core/complaints/complaints.schemas.ts';
import { REFUSAL_REASONS, RESOLUTION_OUTCOMES } from '../../../core/complaints/resolution.ts';
import { api } from '../api/client.ts';
import { documentUrl } from '../api/documents.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { type ResolveForm, resolveBody, takesAmount } from './resolve-form.ts';
import { Link } from 'react-router';
import { DateField } from '../shared/DateField.tsx';

/** Settles the complaint: the outcome, what it takes (a reason, an amount), the answer to the customer. */
export function ResolvePanel({ complaint: c, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ResolveForm>({ outcome: 'credit-note', refusalReason: '', amount: '', pickupOn: '', note: '' });
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () => api.post<ComplaintDetail>(`/api/complaints/${c.id}/resolve`, resolveBody(form)),
    (updated) => {
      onDone();
      queryClient.setQueryData(['complaints', c.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  );
  if (!can(ORDER_DESK) || !canMove(c.status, 'resolved')) return null;
  const set = <K extends keyof ResolveForm>(key: K, value: ResolveForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Paper withBorder p="sm" data-testid="complaint-resolve">
      <form onSubmit={handleSubmit}>
        <Stack gap="xs">
          <Title order={5}>{t('complaints.resolve.title')}</Title>
          <ErrorAlert error={generalError} />
          <NativeSelect
            label={t('complaints.resolve.outcome')}
            data-testid="resolve-outcome"
            value={form.outcome}
            onChange={(e) => set('outcome', e.currentTarget.value as ResolveForm['outcome'])}
            data={RESOLUTION_OUTCOMES.map((o) => ({ value: o, label: t(`complaints.resolve.outcomes.${o}`) }))}
          />
          {form.outcome === 'refusal' ? (
            <NativeSelect
              label={t('complaints.resolve.refusalReason')}
              data-testid="resolve-refusal-reason"
              value={form.refusalReason}
              error={errors.refusalReason}
              onChange={(e) => set('refusalReason', e.currentTarget.value as ResolveForm['refusalReason'])}
              data={[
                { value: '', label: '—' },
                ...REFUSAL_REASONS.map((r) => ({ value: r, label: t(`complaints.resolve.refusalReasons.${r}`) })),
              ]}
            />
          ) : null}
          {form.outcome === 'return' && (
            <DateField
              label={t('complaints.resolve.pickupOn')}
              description={t('complaints.resolve.pickupHint')}
              data-testid="resolve-pickup-on"
              value={form.pickupOn}
              error={errors.pickupOn}
              onChange={(v) => set('pickupOn', v)}
            />
          )}
          {form.outcome === 'replacement' && (
            <Text size="xs" c="dimmed">
              {t('complaints.resolve.replacementHint')}
            </Text>
          )}
          {takesAmount(form.outcome) && (
            <TextInput
              label={t('complaints.resolve.amount')}
              description={form.outcome === 'credit-note' ? t('complaints.resolve.amountHint') : undefined}
              data-testid="resolve-amount"
              value={form.amount}
              error={errors.amountCents}
              onChange={(e) => set('amount', e.currentTarget.value)}
            />
          )}
          <Textarea
            label={t('complaints.resolve.note')}
            data-testid="resolve-note"
            autosize
            minRows={2}
            value={form.note}
            error={errors.note}
            onChange={(e) => set('note', e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={busy} data-testid="resolve-apply">
              {t('complaints.resolve.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** How it was settled, with the credit note's PDF. */
export function ResolutionSummary({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const r = c.resolution;
  if (!r) return null;
  return (
    <Paper withBorder p="sm" data-testid="complaint-resolution">
      <Title order={5} mb="xs">
        {t('complaints.resolve.done')} : {t(`complaints.resolve.outcomes.${r.outcome}`)}
      </Title>
      {r.refusalReason && <Text size="sm">{t(`complaints.resolve.refusalReasons.${r.refusalReason}`)}</Text>}
      {r.gestureCents !== null && <Text size="sm">{t('complaints.resolve.gesture', { amount: fmt.money(r.gestureCents) })}</Text>}
      {r.creditNote && (
        <Stack gap={2}>
          <Text size="sm" fw={600} data-testid="credit-note-number">
            {t('complaints.resolve.creditNote', { number: r.creditNote.number })}
          </Text>
          <Text size="sm">
            {t('complaints.resolve.creditNoteAmount', { net: fmt.money(r.creditNote.netCents), gross: fmt.money(r.creditNote.grossCents) })}
          </Text>
          {r.creditNote.documentId && (
            <Anchor href={documentUrl(r.creditNote.documentId)} target="_blank" size="sm" data-testid="credit-note-pdf">
              <IconFileTypePdf size={14} /> {t('complaints.resolve.pdf')}
            </Anchor>
          )}
        </Stack>
      )}
      {r.replacementOrder && (
        <Text size="sm" data-testid="replacement-order">
          {t('complaints.resolve.replacementOrder')}{' '}
          <Anchor component={Link} to={`/orders/${r.replacementOrder.id}`} size="sm">
            {r.replacementOrder.number}
          </Anchor>
          {r.replacementOrder.requestedDate && ` · ${fmt.date(r.replacementOrder.requestedDate)}`}
        </Text>
      )}
      {r.returnPickup && (
        <Text size="sm" data-testid="return-pickup">
          {t('complaints.resolve.returnPickup', { number: r.returnPickup.number, date: fmt.date(r.returnPickup.pickupOn) })}
          {' — '}
          {r.returnPickup.lines.map((l) => `${l.quantity} × ${l.productCode}`).join(', ')}
        </Text>
      )}
      {r.outcome === 'gesture' && (
        <Text size="xs" c="dimmed">
          {r.gestureAppliedOrderNumber
            ? t('complaints.resolve.gestureApplied', { order: r.gestureAppliedOrderNumber })
            : t('complaints.resolve.gestureWaiting')}
        </Text>
      )}
      {r.note && (
        <Text size="sm" fs="italic" mt="xs">
          « {r.note} »
        </Text>
      )}
    </Paper>
  );
}
