import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { canMove } from '../../../core/complaints/complaint.ts';
import type { ComplaintDetail } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { ComplaintLots } from './ComplaintLots.tsx';
import { ComplaintPhotos } from './ComplaintPhotos.tsx';
import { ComplaintStatusBadge } from './ComplaintStatusBadge.tsx';
import { ClaimDeadlinePanel, ServiceClockPanel } from './ComplaintTermsPanels.tsx';
import { ResolutionSummary, ResolvePanel } from './ResolvePanel.tsx';
import { ReplyPanel } from './ReplyPanel.tsx';
import { CallScript } from '../scripts/CallScript.tsx';
import { ComplaintQuestion } from '../satisfaction/ComplaintQuestion.tsx';
import { dayRef } from '../../../core/day/day-item.ts';
import { useWorkTimer } from '../day/use-work-timer.ts';

/**
 * One complaint: what the customer said, whether it came in time, its clock, what was done, and the next step. The
 * time from opening it to moving it on (settled, answered, replied to, closed) is timed: what a complaint takes her.
 */
export function ComplaintDetailPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = Number(useParams().id);
  const timer = useWorkTimer(id);
  const handled = () => timer.finish(dayRef('complaint', id));
  const complaint = useQuery({ queryKey: ['complaints', id], queryFn: () => api.get<ComplaintDetail>(`/api/complaints/${id}`) });
  if (complaint.isPending) return <Loader />;
  if (complaint.error) return <ErrorAlert error={complaint.error} />;
  const c = complaint.data;

  return (
    <Stack gap="sm" maw={1400} data-testid="complaint-detail">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h3" data-testid="complaint-number">
            {c.number}
          </Title>
          <ComplaintStatusBadge status={c.status} />
          <Badge variant="outline" color={c.queue === 'quality' ? 'grape' : 'blue'}>
            {t(`complaints.queues.${c.queue}`)}
          </Badge>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }} spacing="sm">
          <Field label={t('complaints.customer')}>
            <Anchor component={Link} to={`/customers/${c.customerId}`} size="sm">
              {c.customerName}
            </Anchor>
          </Field>
          <Field label={t('complaints.order')}>
            {c.orderId && (
              <Anchor component={Link} to={`/orders/${c.orderId}`} size="sm">
                {c.orderNumber}
              </Anchor>
            )}
          </Field>
          <Field label={t('complaints.delivery')}>{c.deliveryNumber}</Field>
          <Field label={t('complaints.reason')}>
            <span data-testid="complaint-reason-text">{t(`complaints.reasons.${c.reason}`)}</span>
          </Field>
          <Field label={t('complaints.channel')}>{t(`complaints.channels.${c.channel}`)}</Field>
          <Field label={t('complaints.mood')}>
            {c.mood && <span data-testid="complaint-mood-text">{t(`complaints.moods.${c.mood}`)}</span>}
          </Field>
          <Field label={t('complaints.owner')}>{c.ownerName}</Field>
        </SimpleGrid>
        <Text size="sm" mt="sm" fs="italic" data-testid="complaint-description-text">
          « {c.description} »
        </Text>
      </Paper>
      <Grid gutter="sm" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            <ClaimDeadlinePanel complaint={c} />
            <ComplaintPhotos complaint={c} />
            <ComplaintLots complaint={c} />
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('complaints.lines')}
              </Title>
              {c.lines.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('complaints.noLines')}
                </Text>
              ) : (
                <Table data-testid="complaint-detail-lines">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('complaints.product')}</Table.Th>
                      <Table.Th ta="right">{t('complaints.quantity')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.lines.map((l) => (
                      <Table.Tr key={l.id}>
                        <Table.Td>
                          <Text span ff="monospace" size="sm">
                            {l.productCode}
                          </Text>{' '}
                          {l.productName}
                        </Table.Td>
                        <Table.Td ta="right">
                          {fmt.number(l.quantity)} {t(`units.${l.saleUnit}`, { count: l.quantity, defaultValue: l.saleUnit })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <ServiceClockPanel complaint={c} />
            {c.status !== 'closed' && <CallScript typology={c.typology} screen="complaint" />}
            <ResolutionSummary complaint={c} />
            <ResolvePanel complaint={c} onDone={handled} />
            <ReplyPanel complaint={c} onDone={handled} />
            <ComplaintQuestion complaint={c} />
            <NextStep complaint={c} onDone={handled} />
            <History complaint={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Answer (the first answer given) or close (once settled), with what was said. */
function NextStep({ complaint: c, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const step = useMutation({
    mutationFn: (action: 'answer' | 'close') => api.post<ComplaintDetail>(`/api/complaints/${c.id}/${action}`, note.trim() ? { note } : {}),
    onSuccess: (updated) => {
      setNote('');
      onDone();
      queryClient.setQueryData(['complaints', c.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const steps = (['answer', 'close'] as const).filter((s) => canMove(c.status, s === 'answer' ? 'answered' : 'closed'));
  if (!can(ORDER_DESK) || steps.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <ErrorAlert error={step.error} />
        <Textarea label={t('complaints.steps.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          {steps.map((s) => (
            <Button
              key={s}
              size="xs"
              loading={step.isPending && step.variables === s}
              onClick={() => step.mutate(s)}
              data-testid={`complaint-${s}`}
            >
              {t(`complaints.steps.${s}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

function History({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('complaints.history')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2} data-testid="complaint-history">
        {c.history.map((e) => (
          <Timeline.Item key={e.id} title={i18n.exists(`complaints.events.${e.action}`) ? t(`complaints.events.${e.action}`) : e.action}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(e.at)} · {e.userName ?? '—'}
            </Text>
            {e.note && (
              <Text size="xs" fs="italic">
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
