import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import { PRODUCT_STATUSES, type Product } from '../../../core/catalog/product.ts';
import { api, withQuery } from '../api/client.ts';
import type { ProductList } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SearchInput } from '../shared/SearchInput.tsx';
import { useFormat } from '../shared/use-format.ts';
import { actionRow } from '../shared/action-row.ts';

export function ProductsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [q] = useDebouncedValue(text.trim(), 200);
  const products = useQuery({
    queryKey: ['products', 'list', q, status],
    queryFn: () => api.get<ProductList>(withQuery('/api/products', { q, status, limit: 500 })),
    placeholderData: keepPreviousData,
  });
  const open = (p: Product) => void navigate(`/products/${p.id}`);

  return (
    <>
      <PageTitle title={t('products.title')}>
        {can(MASTER_DATA_ADMINS) && (
          <Button component={Link} to="/products/new" leftSection={<IconPlus size={14} />}>
            {t('products.new')}
          </Button>
        )}
      </PageTitle>
      <Paper withBorder p="xs" mb="sm">
        <Group gap="xs" align="flex-end">
          <SearchInput
            label={t('products.search')}
            placeholder={t('products.searchPlaceholder')}
            testId="products-search"
            value={text}
            onChange={setText}
          />
          <Select
            w={150}
            label={t('products.statusLabel')}
            clearable
            value={status}
            onChange={setStatus}
            data={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`products.status.${s}`) }))}
          />
        </Group>
      </Paper>
      <ErrorAlert error={products.error} />
      <Paper withBorder>
        <Table highlightOnHover striped data-testid="products-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.code')}</Table.Th>
              <Table.Th>{t('products.name')}</Table.Th>
              <Table.Th>{t('products.gtin')}</Table.Th>
              <Table.Th>{t('products.saleUnit')}</Table.Th>
              <Table.Th ta="right">{t('products.netWeight')}</Table.Th>
              <Table.Th ta="right">{t('products.vat')}</Table.Th>
              <Table.Th>{t('products.statusLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data?.items.map((p) => (
              <Table.Tr key={p.id} {...actionRow(() => open(p))}>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {p.code}
                </Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td ff="monospace">{p.gtin ?? '—'}</Table.Td>
                <Table.Td>{t(`units.${p.saleUnit}`, { count: 1 })}</Table.Td>
                <Table.Td ta="right">{fmt.weight(p.netWeightG)}</Table.Td>
                <Table.Td ta="right">{fmt.rate(p.vatRateBp)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" tt="none" color={p.status === 'active' ? 'teal' : 'gray'}>
                    {t(`products.status.${p.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {products.data?.items.length === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t('common.none')}
          </Text>
        )}
      </Paper>
    </>
  );
}
