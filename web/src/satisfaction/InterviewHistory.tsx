import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parisNow } from '../../../core/calendar/dates.ts';
import { SATISFACTION_QUESTIONS } from '../../../core/satisfaction/satisfaction.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';
import { useCustomerInterviews } from './use-satisfaction.ts';

/** What the customer said before: each interview's scores and words, the latest first. */
export function InterviewHistory({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const history = useCustomerInterviews(customerId);
  const items = history.data?.items ?? [];
  return (
    <Paper withBorder p="sm" data-testid="interview-history">
      <Title order={2} size="h5" mb="xs">
        {t('satisfaction.history')}
      </Title>
      <ErrorAlert error={history.error} />
      {history.data && !items.length && (
        <Text size="sm" c="dimmed">
          {t('satisfaction.noHistory')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('satisfaction.on')}</Table.Th>
                {SATISFACTION_QUESTIONS.map((q) => (
                  <Table.Th key={q} ta="right">
                    {t(`satisfaction.short.${q}`)}
                  </Table.Th>
                ))}
                <Table.Th>{t('satisfaction.words')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm">{fmt.date(parisNow(new Date(i.at)).date)}</Text>
                    {i.complaintId !== null && (
                      <Badge size="xs" variant="light">
                        {t('satisfaction.afterComplaint')}
                      </Badge>
                    )}
                    {i.followUpTaskId !== null && (
                      <Badge size="xs" color="orange" variant="light">
                        {t('satisfaction.followedUp')}
                      </Badge>
                    )}
                  </Table.Td>
                  {SATISFACTION_QUESTIONS.map((q) => {
                    const score = i.answers.find((a) => a.question === q)?.score;
                    return (
                      <Table.Td key={q} ta="right" fw={q === 'overall' ? 700 : undefined}>
                        {score ?? '—'}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Text size="sm" fs={i.comment ? 'italic' : undefined}>
                      {i.comment && (lang === 'fr' ? `« ${i.comment} »` : `“${i.comment}”`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
