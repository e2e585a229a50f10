import { Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weekdayList } from '../../../core/calendar/weekday-names.ts';
import type { CustomerHabits } from '../../../core/story/habits.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';

/** A rhythm as the assistant says it: "every week", "every 3 weeks", "every 4 days". */
function rhythmText(days: number | null, t: TFunction): string {
  if (days === null) return t('story.habits.onceOnly');
  return days % 7 === 0 ? t('story.habits.everyWeeks', { count: days / 7 }) : t('story.habits.everyDays', { count: days });
}

/** What he usually orders, how much and how often, on which days and how: the order she can expect on the phone. */
export function HabitsCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const query = useQuery({
    queryKey: ['customers', customerId, 'habits'],
    queryFn: () => api.get<CustomerHabits>(`/api/customers/${customerId}/habits`),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  const h = query.data;
  return (
    <Paper withBorder p="sm" data-testid="story-habits">
      <Title order={3} size="h5">
        {t('story.habits.title')}
      </Title>
      {h && (
        <Text size="xs" c="dimmed" mb="xs">
          {h.orders ? t('story.habits.window', { count: h.orders, from: fmt.date(h.from), to: fmt.date(h.to) }) : t('story.habits.none')}
        </Text>
      )}
      {h && h.usualProducts.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder={false} verticalSpacing={4} data-testid="story-usual-products">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('story.habits.product')}</Table.Th>
                <Table.Th ta="right">{t('story.habits.quantity')}</Table.Th>
                <Table.Th>{t('story.habits.rhythm')}</Table.Th>
                <Table.Th ta="right">{t('story.habits.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.usualProducts.map((p) => (
                <Table.Tr key={p.productId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/products/${p.productId}`} size="sm">
                      {p.name}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {p.code}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {fmt.number(p.medianQuantity)} {t(`units.${p.saleUnit}`, { count: p.medianQuantity })}
                  </Table.Td>
                  <Table.Td>{rhythmText(p.rhythmDays, t)}</Table.Td>
                  <Table.Td ta="right">{fmt.rate(Math.round(p.shareBp / 100) * 100)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {h && h.orders > 0 && h.usualProducts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('story.habits.noUsual')}
        </Text>
      )}
      {h && (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mt="xs">
          <Field label={t('story.habits.days')}>
            <span data-testid="story-weekdays">{weekdayList(h.weekdays, lang, t('story.habits.noDays'))}</span>
          </Field>
          <Field label={t('story.habits.average')}>
            {h.averageNetCents === null ? '—' : t('story.habits.averageValue', { amount: fmt.money(h.averageNetCents) })}
          </Field>
          <Field label={t('story.habits.channels')}>
            {h.channels.map((c) => t('story.habits.channel', { channel: t(`channels.${c.channel}`), count: c.orders })).join(', ') || '—'}
          </Field>
          <Field label={t('story.habits.lastOrder')}>
            {h.lastOrder ? (
              <Anchor component={Link} to={`/orders/${h.lastOrder.id}`} size="sm" data-testid="story-last-order">
                {t('story.habits.lastOrderValue', { number: h.lastOrder.number, date: fmt.date(h.lastOrder.date) })}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
        </SimpleGrid>
      )}
    </Paper>
  );
}
