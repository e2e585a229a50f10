import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_APPROVERS, ORDER_DESK } from '../../../../core/auth/roles.ts';
import { isBlocking, type OrderFinding } from '../../../../core/orders/order-findings.ts';
import { applySuggestion } from '../../../../core/suggestions/apply.ts';
import { api } from '../../api/client.ts';
import type { OrderDetail } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { FindingList } from './FindingList.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { dayRef } from '../../../../core/day/day-item.ts';
import { useWorkTimer } from '../../day/use-work-timer.ts';

type Dialog = { kind: 'approve' } | { kind: 'override'; finding: OrderFinding } | null;

/** The PUT body of a draft as it stands: the lines by product id, so a suggestion's changes apply to them. */
function draftBody(order: OrderDetail, lines: readonly { productId: number | null; quantity: number }[], requestedDate: string | null) {
  return {
    customerId: order.customerId,
    deliveryPointId: order.deliveryPointId,
    ...(requestedDate ? { requestedDate } : {}),
    ...(order.customerRef ? { customerRef: order.customerRef } : {}),
    channel: order.channel,
    ...(order.note ? { note: order.note } : {}),
    lines: lines.map((l) => ({ productId: l.productId!, quantity: l.quantity })),
  };
}

/**
 * What the rules found on the order, stored with it, with the managers' answers; a manager approves or overrides
 * here, with a reason. A draft's suggestions can be applied in one click (the draft is saved again).
 */
export function OrderRulesSection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const timer = useWorkTimer(order.id);
  const draft = order.status === 'draft';
  const manager = can(ORDER_APPROVERS) && draft;

  const act = useMutation({
    mutationFn: ({ path, body, method }: { path: string; body: Record<string, unknown>; method: 'post' | 'put' }) =>
      method === 'put'
        ? api.put<OrderDetail>(`/api/orders/${order.id}`, body)
        : api.post<OrderDetail>(`/api/orders/${order.id}/${path}`, body),
    onSuccess: (updated, { method }) => {
      setDialog(null);
      // A manager's answer (approve, override) is the draft's approval done: timed from opening the order.
      if (method === 'post') timer.finish(dayRef('approval', order.id));
      queryClient.setQueryData(['orders', order.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
    },
  });

  const waiting = order.findings.filter(isBlocking);
  const openApprovals = waiting.filter((f) => f.severity === 'approval');
  if (order.findings.length === 0 && order.suggestions.length === 0) return null;

  const answered = (f: OrderFinding) =>
    f.resolution && (
      <Text span size="xs" c="dimmed" display="block">
        {t(f.resolution.kind === 'approved' ? 'rules.approvedBy' : 'rules.overriddenBy', {
          name: f.resolution.userName ?? '?',
          at: fmt.dateTime(f.resolution.at),
          reason: f.resolution.reason,
        })}
      </Text>
    );
  const overrideButton = (f: OrderFinding) =>
    manager && f.severity === 'block' && !f.resolution ? (
      <Button
        size="compact-xs"
        variant="outline"
        color="red"
        ml="xs"
        data-testid={`finding-override-${f.rule}`}
        onClick={() => setDialog({ kind: 'override', finding: f })}
      >
        {t('rules.override')}
      </Button>
    ) : null;

  const applyAt = (index: number) => {
    const s = order.suggestions[index];
    const current = {
      lines: order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      deliveryPointId: order.deliveryPointId,
      requestedDate: order.requestedDate,
    };
    const next = applySuggestion(current, s);
    act.mutate({ path: '', method: 'put', body: draftBody(order, next.lines, next.requestedDate) });
  };

  return (
    <Stack gap="sm">
      {order.findings.length > 0 && (
        <Paper withBorder p="sm" data-testid="order-findings">
          <Group justify="space-between" mb="xs">
            <Title order={5}>{t('rules.findings')}</Title>
            {manager && openApprovals.length > 0 && (
              <Button size="xs" color="orange" data-testid="order-approve" onClick={() => setDialog({ kind: 'approve' })}>
                {t('rules.approve')}
              </Button>
            )}
          </Group>
          {draft && waiting.length > 0 && (
            <Alert color="orange" py={4} mb="xs" data-testid="order-waiting">
              <Text size="xs">{t('rules.waiting', { count: waiting.length })}</Text>
            </Alert>
          )}
          <FindingList
            size="sm"
            testId="order-finding"
            findings={order.findings.map((f) => ({
              rule: f.rule,
              severity: f.severity,
              message: f.messages,
              resolved: f.resolution !== null,
              after: (
                <>
                  {f.lineNo !== null && ` (${t('rules.lineShort', { n: f.lineNo })})`}
                  {overrideButton(f)}
                  {answered(f)}
                </>
              ),
            }))}
          />
          {act.error !== null && <ErrorAlert error={act.error} />}
        </Paper>
      )}
      {draft && can(ORDER_DESK) && (
        <SuggestionsPanel suggestions={order.suggestions.map((s) => ({ ...s, description: s.descriptions }))} onApply={applyAt} />
      )}
      <ReasonModal
        opened={dialog !== null}
        title={
          dialog?.kind === 'override'
            ? t('rules.overrideTitle', { rule: dialog.finding.rule })
            : t('rules.approveTitle', { number: order.number })
        }
        submit={dialog?.kind === 'override' ? t('rules.override') : t('rules.approve')}
        color={dialog?.kind === 'override' ? 'red' : 'orange'}
        busy={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason) =>
          dialog?.kind === 'override'
            ? act.mutate({
                path: 'override',
                method: 'post',
                body: { rule: dialog.finding.rule, ...(dialog.finding.lineId ? { lineId: dialog.finding.lineId } : {}), reason },
              })
            : act.mutate({ path: 'approve', method: 'post', body: { reason } })
        }
      />
    </Stack>
  );
}
