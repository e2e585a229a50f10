import { Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPhoneIncoming } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutcome, CallPurpose } from '../../../core/calls/call.ts';
import type { CustomerDetail } from '../../../core/customers/customer.ts';
import { CallOutcomeForm, CallTimer } from './CallOutcomeForm.tsx';

/** The purposes a customer calls us for; the others (risk, satisfaction…) are calls we make. */
const INBOUND_PURPOSES: readonly CallPurpose[] = ['ordering', 'complaint', 'information', 'stock', 'penalty', 'call-back'];

/**
 * The customer is on the line: the timer runs from when she picked up, and ending the call logs it as inbound with
 * its outcome and note (an order taken goes on to the order entry for him).
 */
export function InboundCallPanel({ customer, startedAt, onEnded }: { customer: CustomerDetail; startedAt: string; onEnded: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<CallPurpose>('ordering');
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const ref = useRef<HTMLElement>(null);
  // The call has the focus, so the outcome keys (1–6, N, Enter) work as soon as his page opens.
  useEffect(() => ref.current?.focus(), []);
  return (
    <Paper
      withBorder
      p="md"
      bg="blue.0"
      ref={ref}
      tabIndex={-1}
      data-testid="inbound-call-panel"
      aria-label={t('inboundCall.title')}
      component="section"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <IconPhoneIncoming size={20} aria-hidden />
            <Text fw={700}>{t('inboundCall.title')}</Text>
            {customer.phone && <Badge variant="default">{customer.phone}</Badge>}
          </Group>
          <CallTimer startedAt={startedAt} />
        </Group>
        <Select
          label={t('calls.purpose')}
          data={INBOUND_PURPOSES.map((p) => ({ value: p, label: t(`calls.purposes.${p}`) }))}
          value={purpose}
          onChange={(v) => v && setPurpose(v as CallPurpose)}
          allowDeselect={false}
          w={260}
        />
        <CallOutcomeForm
          customerId={customer.id}
          direction="in"
          purpose={purpose}
          startedAt={startedAt}
          outcome={outcome}
          onOutcome={setOutcome}
          saveLabel={t('inboundCall.end')}
          saveHint={t('inboundCall.keysEnd')}
          onLogged={onEnded}
        />
      </Stack>
    </Paper>
  );
}
