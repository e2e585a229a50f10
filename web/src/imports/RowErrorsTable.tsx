import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../api/types.ts';
import { fieldMessage } from '../shared/field-message.ts';

/** The row-by-row report of an import: spreadsheet row, column, and what is wrong with it, in the user's language. */
export function RowErrorsTable({ errors, testId = 'import-errors' }: { errors: readonly ImportIssue[]; testId?: string }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <Paper withBorder>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('imports.row')}</Table.Th>
            <Table.Th w={180}>{t('imports.column')}</Table.Th>
            <Table.Th>{t('imports.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={`${e.row}-${e.column}-${i}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td ff="monospace">{e.column}</Table.Td>
              <Table.Td>
                <Text size="sm">{fieldMessage(e, t)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
