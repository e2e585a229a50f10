import { Button, Group, Paper, Select, Table, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { CustomerProductCode } from '../api/types.ts';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { parseInteger } from '../shared/form-values.ts';
import { DeleteButton } from '../shared/DeleteButton.tsx';
import { useDelete } from '../shared/use-delete.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { useCustomerProductCodes } from './use-customer.ts';

/** The customer's own names for our products, as its EDI and its buyers use them. */
export function ProductCodesSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const codes = useCustomerProductCodes(customerId);
  const catalogue = useCatalogue();
  const [code, setCode] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const [unitFactor, setUnitFactor] = useState('1');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
  const form = useSubmit(
    () =>
      api.post<CustomerProductCode>(`/api/customers/${customerId}/product-codes`, {
        code: code.trim(),
        productId: Number(productId),
        unitFactor: parseInteger(unitFactor) ?? unitFactor,
      }),
    () => {
      setCode('');
      setProductId(null);
      setUnitFactor('1');
      void refresh();
    },
  );
  const deletion = useDelete(refresh);

  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('customers.productCodes')}
      </Title>
      <ErrorAlert error={codes.error ?? deletion.error} />
      <Table data-testid="customer-product-codes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('codes.code')}</Table.Th>
            <Table.Th>{t('codes.productCode')}</Table.Th>
            <Table.Th>{t('codes.productName')}</Table.Th>
            <Table.Th>{t('codes.unitFactor')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(codes.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td ff="monospace">{c.code}</Table.Td>
              <Table.Td ff="monospace">{c.productCode}</Table.Td>
              <Table.Td>{c.productName}</Table.Td>
              <Table.Td>{c.unitFactor}</Table.Td>
              <Table.Td>
                {editable && <DeleteButton onClick={() => void deletion.remove(`/api/customer-product-codes/${c.id}`)} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <form onSubmit={form.handleSubmit} noValidate>
          <Group gap="xs" align="flex-start" mt="xs">
            <TextInput
              w={140}
              label={t('codes.code')}
              value={code}
              error={form.errors.code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Select
              w={420}
              label={t('codes.product')}
              searchable
              value={productId}
              error={form.errors.productId}
              data={catalogue.products.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
              onChange={setProductId}
            />
            <TextInput
              w={90}
              label={t('codes.unitFactor')}
              value={unitFactor}
              error={form.errors.unitFactor}
              onChange={(e) => setUnitFactor(e.currentTarget.value)}
            />
            <Button type="submit" mt={19} loading={form.busy} leftSection={<IconPlus size={14} />}>
              {t('common.add')}
            </Button>
          </Group>
          <ErrorAlert error={form.generalError} />
        </form>
      )}
    </Paper>
  );
}
