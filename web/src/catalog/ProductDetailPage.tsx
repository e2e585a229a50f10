import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import { unitsPerLayer, unitsPerPallet } from '../../../core/catalog/packaging.ts';
import { api } from '../api/client.ts';
import type { ProductDetail } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { AvailableCell } from '../stock/AvailableCell.tsx';
import { ProductAvailability } from '../stock/ProductAvailability.tsx';
import { ProductLotsSection } from '../stock/ProductLotsSection.tsx';
import { familyName } from '../../../core/catalog/family-names.ts';
import { useLanguage } from '../shared/use-language.ts';

export function ProductDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormat();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const product = useQuery({ queryKey: ['products', id], queryFn: () => api.get<ProductDetail>(`/api/products/${id}`) });
  if (product.isPending) return <Loader />;
  if (product.error) return <ErrorAlert error={product.error} />;
  const p = product.data;
  const unit = (count: number | null) => (count === null ? '—' : `${fmt.number(count)} ${t(`units.${p.saleUnit}`, { count })}`);

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h3">
            {p.name}
          </Title>
          <Text c="dimmed" ff="monospace">
            {p.code}
          </Text>
          <Badge variant="light" tt="none" color={p.status === 'active' ? 'teal' : 'gray'}>
            {t(`products.status.${p.status}`)}
          </Badge>
        </Group>
        {can(MASTER_DATA_ADMINS) && (
          <Button component={Link} to={`/products/${p.id}/edit`} leftSection={<IconEdit size={14} />}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('products.identity')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field label={t('products.gtin')}>{p.gtin}</Field>
          <Field label={t('products.caseGtin')}>{p.caseGtin}</Field>
          <Field label={t('products.family')}>{familyName(p.family, lang)}</Field>
          <Field label={t('products.saleUnit')}>{t(`units.${p.saleUnit}`, { count: 1 })}</Field>
          <Field label={t('products.vat')}>{fmt.rate(p.vatRateBp)}</Field>
          <Field label={t('products.temperatureClass')}>{t(`temperature.${p.temperatureClass}`)}</Field>
          <Field label={t('products.shelfLifeDays')}>
            {p.shelfLifeDays === null ? null : t('points.days', { count: p.shelfLifeDays })}
          </Field>
          <Field label={t('products.netWeight')}>
            {fmt.weight(p.netWeightG)} ({t('products.grossWeight')} {fmt.weight(p.grossWeightG)})
          </Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('products.packaging')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="product-packaging">
          <Field label={t('products.perCarton')}>{unit(p.unitsPerCarton)}</Field>
          <Field label={t('products.perLayer')}>{unit(unitsPerLayer(p))}</Field>
          <Field label={t('products.perPallet')}>{unit(unitsPerPallet(p))}</Field>
          <Field label={t('products.palletWeight')}>
            {unitsPerPallet(p) === null ? null : fmt.weight(unitsPerPallet(p)! * p.grossWeightG)}
          </Field>
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Paper withBorder p="sm">
          <Title order={5} mb="xs">
            {t('products.stock')}
          </Title>
          <Table data-testid="product-stock">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stock.warehouse')}</Table.Th>
                <Table.Th ta="right">{t('stock.onHand')}</Table.Th>
                <Table.Th ta="right">{t('stock.reserved')}</Table.Th>
                <Table.Th ta="right">{t('stock.available')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.stock.map((s) => (
                <Table.Tr key={s.warehouseId}>
                  <Table.Td>{s.warehouseName}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.onHand)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.reserved)}</Table.Td>
                  <AvailableCell available={s.available} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="sm">
          <Title order={5} mb="xs">
            {t('products.substitutes')}
          </Title>
          {p.substitutes.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('common.none')}
            </Text>
          )}
          {p.substitutes.map((s) => (
            <Text size="sm" key={s.id}>
              <Anchor component={Link} to={`/products/${s.id}`} ff="monospace">
                {s.code}
              </Anchor>{' '}
              {s.name}
            </Text>
          ))}
        </Paper>
      </SimpleGrid>
      <ProductLotsSection productId={id} />
      <ProductAvailability productId={id} />
    </Stack>
  );
}
