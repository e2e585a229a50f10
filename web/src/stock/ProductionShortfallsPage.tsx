import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import type {
  ProductionShortfallAnswer,
  ProductionShortfallList,
  ShortfallState,
} from '../../../core/stock/production-shortfall.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import type { ProductList, Warehouse } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { DateField } from '../shared/DateField.tsx';

const STATE_COLOR: Record<ShortfallState, string> = { upcoming: 'blue', ongoing: 'red', over: 'gray' };
const EMPTY = {
  productId: null as string | null,
  warehouseId: null as string | null,
  from: '',
  to: '',
  reducedPct: '' as number | string,
  cause: '',
};

/**
 * A line that produces less over a period (the laminating line down): the desk enters it as the plant says it, and
 * the risk scan that runs on saving says how many orders it puts at risk. Ending one says output is back today.
 */
export function ProductionShortfallsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [answer, setAnswer] = useState<ProductionShortfallAnswer | null>(null);
  const list = useQuery({
    queryKey: ['production-shortfalls'],
    queryFn: () => api.get<ProductionShortfallList>('/api/production-shortfalls'),
  });
  const products = useQuery({
    queryKey: ['products', 'active'],
    queryFn: () => api.get<ProductList>(withQuery('/api/products', { status: 'active', limit: 500 })),
    enabled: can(ORDER_DESK),
  });
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: () => api.get<Warehouse[]>('/api/warehouses') });
  const saved = (a: ProductionShortfallAnswer) => {
    setAnswer(a);
    void queryClient.invalidateQueries({ queryKey: ['production-shortfalls'] });
    void queryClient.invalidateQueries({ queryKey: ['risks'] });
  };
  const form = useSubmit(
    () =>
      api.post<ProductionShortfallAnswer>('/api/production-shortfalls', {
        productId: Number(values.productId),
        warehouseId: Number(values.warehouseId),
        from: values.from,
        to: values.to,
        reducedPct: values.reducedPct === '' ? 0 : Number(values.reducedPct),
        cause: values.cause,
      }),
    (a) => {
      saved(a);
      setValues(EMPTY);
    },
  );
  const end = useMutation({
    mutationFn: (id: number) => api.post<ProductionShortfallAnswer>(`/api/production-shortfalls/${id}/end`, {}),
    onSuccess: saved,
  });
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <>
      <PageTitle title={t('shortfalls.title')} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('shortfalls.intro')}
      </Text>
      {answer && (
        <Alert color={answer.ordersAtRisk > 0 ? 'orange' : 'green'} mb="sm" data-testid="shortfall-answer" role="status">
          <Text size="sm">
            {t('shortfalls.saved', { product: answer.shortfall.productCode })}{' '}
            {t('shortfalls.ordersAtRisk', { count: answer.ordersAtRisk })}{' '}
            <Anchor component={Link} to="/risks" data-testid="shortfall-risks-link">
              {t('shortfalls.seeRisks')}
            </Anchor>
          </Text>
        </Alert>
      )}
      {can(ORDER_DESK) && (
        <Paper withBorder p="sm" mb="sm">
          <Title order={2} size="h5" mb="xs">
            {t('shortfalls.new')}
          </Title>
          <form onSubmit={form.handleSubmit} noValidate data-testid="shortfall-form">
            <Stack gap="sm">
              <ErrorAlert error={form.generalError} />
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                <Select
                  label={t('shortfalls.product')}
                  required
                  searchable
                  value={values.productId}
                  onChange={(v) => set('productId', v)}
                  error={form.errors.productId}
                  data={(products.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
                  data-testid="shortfall-product"
                />
                <Select
                  label={t('shortfalls.warehouse')}
                  required
                  searchable
                  value={values.warehouseId}
                  onChange={(v) => set('warehouseId', v)}
                  error={form.errors.warehouseId}
                  data={(warehouses.data ?? []).map((w) => ({ value: String(w.id), label: `${w.code} — ${w.name}` }))}
                  data-testid="shortfall-warehouse"
                />
                <NumberInput
                  label={t('shortfalls.reducedPct')}
                  required
                  min={1}
                  max={100}
                  suffix=" %"
                  value={values.reducedPct}
                  onChange={(v) => set('reducedPct', v)}
                  error={form.errors.reducedPct}
                  data-testid="shortfall-pct"
                />
                <DateField
                  label={t('shortfalls.from')}
                  required
                  value={values.from}
                  onChange={(v) => set('from', v)}
                  error={form.errors.from}
                  data-testid="shortfall-from"
                />
                <DateField
                  label={t('shortfalls.to')}
                  required
                  value={values.to}
                  onChange={(v) => set('to', v)}
                  error={form.errors.to}
                  data-testid="shortfall-to"
                />
                <TextInput
                  label={t('shortfalls.cause')}
                  required
                  placeholder={t('shortfalls.causePlaceholder')}
                  value={values.cause}
                  onChange={(e) => set('cause', e.currentTarget.value)}
                  error={form.errors.cause}
                  data-testid="shortfall-cause"
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" loading={form.busy} data-testid="shortfall-save">
                  {t('shortfalls.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <ErrorAlert error={list.error ?? end.error} />
      <Table striped data-testid="shortfalls-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortfalls.product')}</Table.Th>
            <Table.Th>{t('shortfalls.warehouse')}</Table.Th>
            <Table.Th>{t('shortfalls.period')}</Table.Th>
            <Table.Th ta="right">{t('shortfalls.reducedPct')}</Table.Th>
            <Table.Th>{t('shortfalls.cause')}</Table.Th>
            <Table.Th>{t('shortfalls.state')}</Table.Th>
            <Table.Th>{t('shortfalls.enteredBy')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {s.productCode}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.productName}
                </Text>
              </Table.Td>
              <Table.Td>{s.warehouseCode}</Table.Td>
              <Table.Td>
                {t('shortfalls.fromTo', { from: fmt.date(s.from), to: fmt.date(s.to) })}
                {s.endedOn && (
                  <Text size="xs" c="dimmed">
                    {t('shortfalls.endedOn', { date: fmt.date(s.endedOn), name: s.endedByName ?? '' })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">−{fmt.number(s.reducedPct)} %</Table.Td>
              <Table.Td>
                <Text size="sm">{s.cause}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={STATE_COLOR[s.state]}
                  tt="none"
                  style={{ overflow: 'visible' }}
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {t(`shortfalls.states.${s.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.createdByName}</Text>
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(s.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {can(ORDER_DESK) && s.state !== 'over' && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={end.isPending && end.variables === s.id}
                    onClick={() => end.mutate(s.id)}
                    aria-label={t('shortfalls.endLabel', { product: s.productCode })}
                  >
                    {t('shortfalls.end')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.items.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('shortfalls.none')}
        </Text>
      )}
    </>
  );
}
