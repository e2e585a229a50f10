import type { Static } from '@sinclair/typebox';
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerStory } from '../../../core/customers/timeline.schemas.ts';
import type { CreditSchema } from '../../../core/terms/terms.schemas.ts';
import { api } from '../api/client.ts';
import { useFormat } from '../shared/use-format.ts';

type Credit = Static<typeof CreditSchema>;

/** What is still open with him (complaints, risks, approvals, credit) and the mood he was last in. */
export function OpenMattersCard({ customerId, story }: { customerId: number; story: CustomerStory }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const credit = useQuery({
    queryKey: ['customers', customerId, 'credit'],
    queryFn: () => api.get<Credit>(`/api/customers/${customerId}/credit`),
  });
  const items: { key: string; node: ReactNode }[] = [
    ...story.open.complaints.map((c) => ({
      key: `complaint:${c.id}`,
      node: (
        <Anchor component={Link} to={`/complaints/${c.id}`} size="sm">
          {t('story.open.complaint', { number: c.number, reason: t(`complaints.reasons.${c.reason}`) })}
        </Anchor>
      ),
    })),
    ...story.open.risks.map((r) => ({
      key: `risk:${r.id}`,
      node: (
        <Anchor component={Link} to={`/risks/${r.id}`} size="sm">
          {t('story.open.risk', { order: r.orderNumber, cause: t(`risks.cause.${r.cause}`), date: fmt.date(r.promisedDate) })}
        </Anchor>
      ),
    })),
    ...story.open.approvals.map((a) => ({
      key: `approval:${a.id}`,
      node: (
        <Anchor component={Link} to={`/orders/${a.id}`} size="sm">
          {t('story.open.approval', { number: a.number, amount: fmt.money(a.grossCents) })}
        </Anchor>
      ),
    })),
  ];
  const c = credit.data;
  if (c && c.overdueCents > 0)
    items.push({ key: 'overdue', node: <Text size="sm">{t('story.open.overdue', { amount: fmt.money(c.overdueCents) })}</Text> });
  const used = c ? c.unpaidBalanceCents + c.openOrdersCents : 0;
  if (c && c.limitCents !== null && used > c.limitCents)
    items.push({
      key: 'limit',
      node: <Text size="sm">{t('story.open.overLimit', { used: fmt.money(used), limit: fmt.money(c.limitCents) })}</Text>,
    });
  const mood = story.mood;
  return (
    <Paper withBorder p="sm" data-testid="story-open">
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('story.open.title')}
          </Title>
          {items.length ? (
            <List size="sm" spacing={2}>
              {items.map((i) => (
                <List.Item key={i.key}>{i.node}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('story.open.none')}
            </Text>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('story.mood.title')}
          </Title>
          <Text size="sm" data-testid="story-mood">
            {mood
              ? t('story.mood.value', {
                  mood: t(`complaints.moods.${mood.mood}`),
                  source: t(`story.mood.sources.${mood.source}`),
                  date: fmt.dateTime(mood.at),
                })
              : t('story.mood.none')}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}
