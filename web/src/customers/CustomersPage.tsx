import { Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import { TYPOLOGIES } from '../../../core/customers/customer.ts';
import { api, withQuery } from '../api/client.ts';
import type { CustomerList, CustomerSummary } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SearchInput } from '../shared/SearchInput.tsx';
import { actionRow } from '../shared/action-row.ts';

export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [typology, setTypology] = useState<string | null>(null);
  const [q] = useDebouncedValue(text.trim(), 200);
  const customers = useQuery({
    queryKey: ['customers', 'list', q, typology],
    queryFn: () => api.get<CustomerList>(withQuery('/api/customers', { q, typology, limit: 200 })),
    placeholderData: keepPreviousData,
  });
  const open = (c: CustomerSummary) => void navigate(`/customers/${c.id}`);

  return (
    <>
      <PageTitle title={t('customers.title')}>
        {can(CUSTOMER_EDITORS) && (
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={14} />}>
            {t('customers.new')}
          </Button>
        )}
      </PageTitle>
      <Paper withBorder p="xs" mb="sm">
        <Group gap="xs" align="flex-end">
          <SearchInput
            label={t('customers.search')}
            placeholder={t('customers.searchPlaceholder')}
            testId="customers-search"
            value={text}
            onChange={setText}
          />
          <Select
            w={180}
            label={t('customers.typology')}
            clearable
            value={typology}
            onChange={setTypology}
            data={TYPOLOGIES.map((v) => ({ value: v, label: t(`typologies.${v}`) }))}
          />
        </Group>
      </Paper>
      <ErrorAlert error={customers.error} />
      <Paper withBorder>
        <Table highlightOnHover striped data-testid="customers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.code')}</Table.Th>
              <Table.Th>{t('customers.name')}</Table.Th>
              <Table.Th>{t('customers.typology')}</Table.Th>
              <Table.Th>{t('customers.city')}</Table.Th>
              <Table.Th>{t('customers.phone')}</Table.Th>
              <Table.Th>{t('customers.preferredChannel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {customers.data?.items.map((c) => (
              <Table.Tr key={c.id} {...actionRow(() => open(c))}>
                <Table.Td ff="monospace">{c.code}</Table.Td>
                <Table.Td fw={500}>{c.name}</Table.Td>
                <Table.Td>{t(`typologies.${c.typology}`)}</Table.Td>
                <Table.Td>
                  {c.postcode} {c.city}
                </Table.Td>
                <Table.Td>{c.phone ?? ''}</Table.Td>
                <Table.Td>{t(`channels.${c.preferredChannel}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {customers.data?.items.length === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t('common.none')}
          </Text>
        )}
      </Paper>
    </>
  );
}
