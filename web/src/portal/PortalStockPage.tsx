import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PortalCustomerStock } from '../../../core/customer-stock/customer-stock.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { FileImportPanel } from '../imports/FileImportPanel.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useDocumentTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { usePortalCatalogue } from './use-portal.ts';

/**
 * Where customer stocks apply to her company: she sends her stock report (CSV or Excel, checked row by row before
 * anything is written) and sees the stock levels she declared last, per delivery point and product.
 */
export function PortalStockPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useAuth();
  const customerId = user!.customerId!;
  const catalogue = usePortalCatalogue();
  const applies = catalogue.data?.customerStocks ?? false;
  const queryClient = useQueryClient();
  const key = ['portal-stock', customerId];
  const stock = useQuery({
    queryKey: key,
    queryFn: () => api.get<PortalCustomerStock>(`/api/customers/${customerId}/stock`),
    enabled: applies,
  });
  useDocumentTitle(t('portal.stock.title'));
  if (catalogue.isPending) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack gap="md" maw={1000}>
      <Title order={1} size="h2">
        {t('portal.stock.title')}
      </Title>
      {!applies ? (
        <Alert color="gray">{t('portal.stock.notApplicable')}</Alert>
      ) : (
        <>
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">
              {t('portal.stock.send')}
            </Title>
            <FileImportPanel
              url={`/api/customers/${customerId}/stock-reports`}
              onWritten={() => void queryClient.invalidateQueries({ queryKey: key })}
              testIdPrefix="stock-report"
            >
              <Text size="sm">{t('portal.stock.help')}</Text>
              <Text size="sm" c="dimmed">
                {t('portal.stock.columns')}
              </Text>
            </FileImportPanel>
          </Paper>
          <Paper withBorder>
            <Title order={2} size="h4" px="sm" pt="sm" pb="xs">
              {t('portal.stock.levels')}
            </Title>
            <ErrorAlert error={stock.error} />
            {stock.data?.items.length === 0 && (
              <Text px="sm" pb="sm" c="dimmed">
                {t('portal.stock.none')}
              </Text>
            )}
            {!!stock.data?.items.length && (
              <Table striped aria-label={t('portal.stock.levels')} data-testid="portal-stock-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('portal.deliveryPoint')}</Table.Th>
                    <Table.Th>{t('portal.product')}</Table.Th>
                    <Table.Th>{t('portal.stock.declaredOn')}</Table.Th>
                    <Table.Th ta="right">{t('portal.stock.onHand')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stock.data.items.map((i) => (
                    <Table.Tr key={`${i.deliveryPointId}-${i.productId}`}>
                      <Table.Td>{i.deliveryPointName}</Table.Td>
                      <Table.Td>
                        {i.productName}{' '}
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {i.productCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>{fmt.date(i.reportDate)}</Table.Td>
                      <Table.Td ta="right">
                        {fmt.number(i.onHand)} {t(`units.${i.saleUnit}`, { count: i.onHand })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
