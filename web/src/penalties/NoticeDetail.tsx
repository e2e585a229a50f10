import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconFileTypePdf, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { penaltyCategoryName } from '../../../core/penalties/penalty.ts';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { api } from '../api/client.ts';
import { documentUrl } from '../api/documents.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { DueDate, STATUS_COLORS } from './NoticeStatus.tsx';
import { type PenaltyNotice, toCents } from './types.ts';
import { useLanguage } from '../shared/use-language.ts';

const SEVERITY_COLORS = { contest: 'red', warning: 'yellow', info: 'gray' } as const;

/** One notice: the facts, each legal check with its figures, and what can be done with it now. */
export function NoticeDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const en = useLanguage() === 'en';
  const fmt = useFormat();
  const { can, user } = useAuth();
  const query = useQuery({ queryKey: ['penalty-notices', id], queryFn: () => api.get<PenaltyNotice>(`/api/penalty-notices/${id}`) });
  if (query.error) return <ErrorAlert error={query.error} />;
  const n = query.data;
  if (!n) return null;
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const open = n.status === 'received' || n.status === 'contested';
  return (
    <Paper withBorder p="sm" data-testid="notice-detail">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4} ff="monospace">
            {n.reference}
          </Title>
          <Badge color={STATUS_COLORS[n.status]} variant="light">
            {t(`penalties.statuses.${n.status}`)}
          </Badge>
        </Group>
        <ActionIcon variant="subtle" onClick={onClose} aria-label={t('common.back')}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="xs">
          <Field label={t('penalties.customer')}>
            <Anchor component={Link} to={`/customers/${n.customerId}`} size="sm">
              {n.customerName}
            </Anchor>
          </Field>
          <Field label={t('penalties.order')}>
            {n.orderId ? (
              <Anchor component={Link} to={`/orders/${n.orderId}`} size="sm">
                {n.orderNumber}
              </Anchor>
            ) : (
              n.externalOrderRef
            )}
          </Field>
          <Field label={t('penalties.kind')}>{t(`penalties.kinds.${n.kind}`)}</Field>
          <Field label={t('penalties.receivedDate')}>{fmt.date(n.receivedDate)}</Field>
          <Field label={t('penalties.failureDate')}>{fmt.date(n.failureDate)}</Field>
          <Field label={t('penalties.category')}>{n.category && penaltyCategoryName(n.category, en ? 'en' : 'fr')}</Field>
          <Field label={t('penalties.claimed')}>{fmt.money(n.claimedCents)}</Field>
          <Field label={t('penalties.categoryValue')}>
            {n.categoryOrderedValueCents === null ? null : fmt.money(n.categoryOrderedValueCents)}
          </Field>
          <Field label={t('penalties.legalCap')}>
            {n.assessment.capCents === null ? t('penalties.noCap') : fmt.money(n.assessment.capCents)}
          </Field>
          <Field label={t('penalties.proofOfFailure')}>{yes(n.proofOfFailure)}</Field>
          <Field label={t('penalties.proofOfHarm')}>{yes(n.proofOfHarm)}</Field>
          <Field label={t('penalties.stockout')}>{yes(n.stockoutDocumented)}</Field>
          <Field label={t('penalties.deducted')}>{yes(n.deductedFromInvoice)}</Field>
          <Field label={t('penalties.deadline')}>
            <DueDate notice={n} />
          </Field>
          <Field label={t('penalties.contestDeadline')}>{fmt.date(n.contestDeadline)}</Field>
        </SimpleGrid>
        {n.contractBasis && (
          <Text size="xs" c="dimmed">
            {n.contractBasis}
          </Text>
        )}
        <div>
          <Title order={6} mb={4}>
            {t('penalties.checksTitle')}
          </Title>
          {n.assessment.findings.length === 0 && (
            <Text size="sm" c="green.8">
              {t('penalties.noFinding')}
            </Text>
          )}
          <Stack gap={4} data-testid="notice-findings">
            {n.assessment.findings.map((f) => (
              <Alert
                key={f.id}
                color={SEVERITY_COLORS[f.severity]}
                py={6}
                title={`${t(`penalties.checkNames.${f.id}`)} — ${f.ground}`}
                data-check={f.id}
              >
                <Text size="sm">{en ? f.en : f.fr}</Text>
              </Alert>
            ))}
          </Stack>
          <Text size="sm" mt="xs" fw={600} data-testid="notice-recommended">
            {t('penalties.recommended', { amount: fmt.money(n.assessment.recommendedAcceptedCents), claimed: fmt.money(n.claimedCents) })}
          </Text>
        </div>
        {n.contestReason && <Field label={t('penalties.contestReason')}>{n.contestReason}</Field>}
        {n.letterDocumentId !== null && (
          <Anchor href={documentUrl(n.letterDocumentId)} target="_blank" size="sm" data-testid="contest-letter-link">
            <IconFileTypePdf size={14} /> {t('penalties.letter')}
          </Anchor>
        )}
        {(n.status === 'settled' || n.status === 'withdrawn') && (
          <Field label={t('penalties.accepted')}>
            {fmt.money(n.acceptedCents ?? 0)}
            {n.settlementNote && ` — ${n.settlementNote}`}
          </Field>
        )}
        {n.status === 'received' && can(ORDER_DESK) && <ContestForm notice={n} />}
        {open && user?.role === 'manager' && <SettleForm notice={n} />}
      </Stack>
    </Paper>
  );
}

function useRefresh(id: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['penalty-notices'] });
    void queryClient.invalidateQueries({ queryKey: ['penalty-notices', id] });
  };
}

function ContestForm({ notice }: { notice: PenaltyNotice }) {
  const { t } = useTranslation();
  const refresh = useRefresh(notice.id);
  const [reason, setReason] = useState('');
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () => api.post<PenaltyNotice>(`/api/penalty-notices/${notice.id}/contest`, { reason }),
    refresh,
  );
  return (
    <form onSubmit={handleSubmit} data-testid="contest-form">
      <Stack gap="xs">
        <ErrorAlert error={generalError} />
        <Textarea
          label={t('penalties.contestReason')}
          description={t('penalties.contestHint')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={busy} disabled={!notice.assessment.contestable && reason.trim().length < 3}>
            {t('penalties.contest')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SettleForm({ notice }: { notice: PenaltyNotice }) {
  const { t } = useTranslation();
  const refresh = useRefresh(notice.id);
  const [amount, setAmount] = useState<number | string>(notice.assessment.recommendedAcceptedCents / 100);
  const [note, setNote] = useState('');
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () =>
      api.post<PenaltyNotice>(`/api/penalty-notices/${notice.id}/settle`, {
        acceptedCents: toCents(amount) ?? 0,
        note: note.trim() || null,
      }),
    refresh,
  );
  return (
    <form onSubmit={handleSubmit} data-testid="settle-form">
      <Stack gap="xs">
        <ErrorAlert error={generalError} />
        <Group align="flex-end" gap="xs">
          <NumberInput
            label={t('penalties.accepted')}
            value={amount}
            onChange={setAmount}
            min={0}
            decimalScale={2}
            suffix=" €"
            w={150}
            error={errors.acceptedCents}
          />
          <Textarea
            label={t('penalties.settlementNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1 }}
            autosize
            minRows={1}
          />
          <Button type="submit" color="green" loading={busy}>
            {t('penalties.settle')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
