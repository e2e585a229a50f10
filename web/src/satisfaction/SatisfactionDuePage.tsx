import { Anchor, Badge, Loader, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSatisfactionDue } from './use-satisfaction.ts';

/** The satisfaction interviews due today or overdue, the longest waiting first; each opens its interview. */
export function SatisfactionDuePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const due = useSatisfactionDue();
  const items = due.data?.items ?? [];
  return (
    <>
      <PageTitle title={t('satisfaction.dueTitle')} />
      <ErrorAlert error={due.error} />
      {due.isPending && <Loader />}
      {due.data && !items.length && <Text c="dimmed">{t('satisfaction.noneDue')}</Text>}
      {items.length > 0 && (
        <Paper withBorder maw={1100}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="satisfaction-due">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('satisfaction.customer')}</Table.Th>
                <Table.Th>{t('satisfaction.typology')}</Table.Th>
                <Table.Th>{t('satisfaction.rhythmHead')}</Table.Th>
                <Table.Th>{t('satisfaction.last')}</Table.Th>
                <Table.Th>{t('satisfaction.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.customerId} data-customer={d.customerCode}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${d.customerId}/satisfaction`} fw={600} size="sm">
                      {d.customerName}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {d.customerCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`typologies.${d.typology}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{t('satisfaction.rhythm', { count: d.rhythmMonths })}</Table.Td>
                  <Table.Td>{d.lastInterviewOn ? fmt.date(d.lastInterviewOn) : t('satisfaction.never')}</Table.Td>
                  <Table.Td>{fmt.date(d.dueOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
