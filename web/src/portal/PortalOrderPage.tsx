import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Static } from '@sinclair/typebox';
import type { QuoteSchema } from '../../../core/orders/findings.schemas.ts';
import { api, ApiError } from '../api/client.ts';
import type { OrderDetail } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { errorMessage } from '../shared/error-message.ts';
import { useFormat } from '../shared/use-format.ts';
import { usePortalCatalogue } from './use-portal.ts';
import { useLanguage } from '../shared/use-language.ts';

type Quote = Static<typeof QuoteSchema>;

/**
 * The buyer orders: her products at her prices with the promotions she qualifies for, and as she types the same
 * checks as the desk (minimum, franco and what is missing, multiples, dates, availability), in her words.
 */
export function PortalOrderPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormat();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const catalogue = usePortalCatalogue();
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [pointId, setPointId] = useState<string | null>(null);
  const [customerRef, setCustomerRef] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reorderId = search.get('reorder');

  useEffect(() => {
    if (!catalogue.data || pointId) return;
    setPointId(String((catalogue.data.deliveryPoints.find((p) => p.isDefault) ?? catalogue.data.deliveryPoints[0])?.id ?? ''));
  }, [catalogue.data, pointId]);

  // Reorder: the lines of a past order of hers, as quantities to check again.
  useEffect(() => {
    if (!reorderId) return;
    void api.get<OrderDetail>(`/api/orders/${reorderId}`).then((order) => {
      setQuantities(Object.fromEntries(order.lines.map((l) => [l.productId, l.quantity])));
      setPointId(String(order.deliveryPointId));
    });
  }, [reorderId]);

  const lines = useMemo(
    () =>
      Object.entries(quantities)
        .filter(([, q]) => q > 0)
        .map(([productId, quantity]) => ({ productId: Number(productId), quantity })),
    [quantities],
  );
  const body = useMemo(
    () => ({
      customerId: user?.customerId ?? 0,
      channel: 'portal',
      ...(pointId ? { deliveryPointId: Number(pointId) } : {}),
      ...(customerRef.trim() ? { customerRef: customerRef.trim() } : {}),
      lines,
    }),
    [user, pointId, customerRef, lines],
  );
  const [debounced] = useDebouncedValue(body, 300);
  const quote = useQuery({
    queryKey: ['portal-quote', debounced],
    queryFn: () => api.post<Quote>('/api/orders/quote', debounced),
    enabled: debounced.lines.length > 0,
    retry: false,
  });

  if (catalogue.isPending) return <Text>{t('common.loading')}</Text>;
  if (!catalogue.data) return <Alert color="red">{errorMessage(catalogue.error, t)}</Alert>;
  const data = catalogue.data;
  const promotion = (id: number) => data.promotions.find((p) => p.id === id);

  const fillUsual = () =>
    setQuantities(Object.fromEntries(data.products.filter((p) => p.usual).map((p) => [p.id, p.prices[0]?.minQuantity ?? 1])));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const order = await api.post<OrderDetail>('/api/orders', body);
      void navigate(`/portal/orders/${order.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const findings = quote.data?.findings ?? [];
  const blocking = findings.some((f) => f.severity === 'block');

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('portal.orderTitle', { customer: data.customerName })}
        </Title>
        <Button variant="light" onClick={fillUsual}>
          {t('portal.usual')}
        </Button>
      </Group>
      <Group align="end">
        <Select
          label={t('portal.deliveryPoint')}
          data={data.deliveryPoints.map((p) => ({ value: String(p.id), label: `${p.name} — ${p.city}` }))}
          value={pointId}
          onChange={setPointId}
          allowDeselect={false}
          w={360}
        />
        <TextInput label={t('portal.customerRef')} value={customerRef} onChange={(e) => setCustomerRef(e.currentTarget.value)} w={220} />
        {pointId && (
          <Text size="sm" c="dimmed">
            {t('portal.earliest', { date: fmt.date(data.deliveryPoints.find((p) => String(p.id) === pointId)?.earliestDate) })}
          </Text>
        )}
      </Group>
      {data.promotions.map((p) => (
        <Alert key={p.id} color="grape" title={p.name}>
          {(lang === 'en' && p.pitchEn) || p.pitchFr} — {t('portal.until', { date: fmt.date(p.to) })}
        </Alert>
      ))}
      <Group align="start" gap="lg" wrap="nowrap">
        <Paper withBorder style={{ flex: 2 }}>
          <Table striped highlightOnHover aria-label={t('portal.products')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portal.product')}</Table.Th>
                <Table.Th>{t('portal.price')}</Table.Th>
                <Table.Th w={140}>{t('portal.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.products.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {p.code} · {t(`units.${p.saleUnit}`, { count: 1 })}
                      </Text>
                      {p.promotionIds.map((id) => (
                        <Badge key={id} size="xs" color="grape">
                          {promotion(id)?.name}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.prices.map((tier) => (
                      <Text key={tier.minQuantity} size="xs">
                        {tier.minQuantity > 1 ? t('portal.fromQuantity', { n: tier.minQuantity }) + ' ' : ''}
                        {fmt.money(tier.unitPriceCents)}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('portal.quantityOf', { product: p.name })}
                      size="xs"
                      min={0}
                      max={100000}
                      allowDecimal={false}
                      value={quantities[p.id] ?? ''}
                      onChange={(v) => setQuantities((q) => ({ ...q, [p.id]: typeof v === 'number' ? v : 0 }))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" style={{ flex: 1, position: 'sticky', top: 70 }} aria-live="polite">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('portal.basket')}
            </Title>
            {lines.length === 0 && <Text c="dimmed">{t('portal.empty')}</Text>}
            {quote.data && (
              <>
                <Text>{t('portal.goods', { amount: fmt.money(quote.data.totals.goodsNetCents) })}</Text>
                {quote.data.charges.map((c, i) => (
                  <Text key={i} size="sm">
                    {c.label[lang]} : {fmt.money(c.netCents)}
                  </Text>
                ))}
                <Text fw={700}>{t('portal.total', { amount: fmt.money(quote.data.totals.grossCents) })}</Text>
                {findings.map((f, i) => (
                  <Alert key={i} color={f.severity === 'block' ? 'red' : f.severity === 'approval' ? 'orange' : 'yellow'} p="xs">
                    {f.messages[lang]}
                  </Alert>
                ))}
                {findings.some((f) => f.severity === 'approval') && <Text size="xs">{t('portal.needsDesk')}</Text>}
              </>
            )}
            {quote.error && <Alert color="red">{quote.error instanceof ApiError ? quote.error.detail : String(quote.error)}</Alert>}
            {error && <Alert color="red">{error}</Alert>}
            <Button onClick={() => void submit()} loading={busy} disabled={lines.length === 0 || blocking || !!quote.error}>
              {t('portal.place')}
            </Button>
          </Stack>
        </Paper>
      </Group>
    </Stack>
  );
}
