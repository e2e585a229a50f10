import { Alert, Badge, Button, Group, Kbd, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SatisfactionInterview } from '../../../core/satisfaction/satisfaction.schemas.ts';
import { lowAnswers, type SatisfactionGuide, type SatisfactionQuestion } from '../../../core/satisfaction/satisfaction.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { ScoreInput } from './ScoreInput.tsx';

type Scores = Partial<Record<SatisfactionQuestion, number>>;

/**
 * The interview: the guide's questions, each scored 0 to 10 by typing the figure (Tab to the next), the customer's
 * words, and Enter (Ctrl+Enter in the words) to save. A score at or below the guide's low score is flagged as she
 * types: saved, it opens the manager's follow-up, which the answer confirms.
 */
export function InterviewForm({
  customerId,
  guide,
  onSaved,
  inSeries = false,
}: {
  customerId: number;
  guide: SatisfactionGuide;
  onSaved?: (interview: SatisfactionInterview) => void;
  /** In the call series: the series moves on by itself (no links away) and its keys stay hers (no focus taken). */
  inSeries?: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const answers = guide.questions.flatMap((question) => (scores[question] === undefined ? [] : [{ question, score: scores[question] }]));
  const low = lowAnswers(answers, guide.lowScore);
  const save = useMutation({
    mutationFn: () =>
      api.post<SatisfactionInterview>(`/api/customers/${customerId}/satisfaction`, {
        answers,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: (interview) => {
      void client.invalidateQueries({ queryKey: ['satisfaction'] });
      void client.invalidateQueries({ queryKey: ['day'] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
      onSaved?.(interview);
    },
  });
  const submit = () => {
    if (answers.length && !save.isPending && !save.isSuccess) save.mutate();
  };

  if (save.data)
    return (
      <Stack gap="xs" data-testid="interview-saved">
        <Alert color="green" variant="light" title={t('satisfaction.savedTitle')}>
          {t('satisfaction.saved', { count: save.data.answers.length })}
        </Alert>
        {save.data.followUpTaskId !== null && (
          <Alert color="orange" variant="light" title={t('satisfaction.followUpTitle')} data-testid="interview-follow-up">
            <Text size="sm">
              {t('satisfaction.followUp', {
                questions: lowAnswers(save.data.answers, guide.lowScore)
                  .map((a) => `${t(`satisfaction.questions.${a.question}`)} ${a.score}/10`)
                  .join(', '),
              })}
            </Text>
          </Alert>
        )}
        {!inSeries && (
          <Group gap="xs">
            <Button component={Link} to="/day" variant="default">
              {t('calls.backToDay')}
            </Button>
            <Button component={Link} to="/satisfaction" variant="default">
              {t('satisfaction.dueList')}
            </Button>
          </Group>
        )}
      </Stack>
    );

  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="interview-form"
    >
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('satisfaction.guide')}
        </Title>
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Tbody>
            {guide.questions.map((question, i) => {
              const score = scores[question];
              const isLow = score !== undefined && score <= guide.lowScore;
              return (
                <Table.Tr key={question}>
                  <Table.Td>
                    <Text size="sm" fw={question === 'overall' ? 700 : 500} component="label" htmlFor={`score-${question}`}>
                      {t(`satisfaction.questions.${question}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`satisfaction.asks.${question}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td w={110}>
                    <ScoreInput
                      id={`score-${question}`}
                      data-testid={`score-${question}`}
                      // In the call series the digits pick the call's outcome until she tabs into the scores.
                      autoFocus={i === 0 && !inSeries}
                      rightSection={<Text size="xs">/10</Text>}
                      score={score ?? null}
                      onScore={(v) =>
                        setScores((s) => {
                          const next = { ...s };
                          if (v !== null) next[question] = v;
                          else delete next[question];
                          return next;
                        })
                      }
                      error={isLow}
                      aria-describedby={isLow ? `low-${question}` : undefined}
                    />
                  </Table.Td>
                  <Table.Td w={120}>
                    {isLow && (
                      <Badge color="orange" variant="light" id={`low-${question}`}>
                        {t('satisfaction.low')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Textarea
          label={t('satisfaction.words')}
          description={t('satisfaction.wordsHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey) {
              e.preventDefault();
              submit();
            }
          }}
          autosize
          minRows={3}
          maxLength={4000}
          data-testid="interview-words"
        />
        {low.length > 0 && (
          <Alert color="orange" variant="light" p="xs" data-testid="interview-low-warning">
            {t('satisfaction.willFollowUp', { score: guide.lowScore })}
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Tab</Kbd> {t('satisfaction.keysNext')} · <Kbd size="xs">↵</Kbd> {t('satisfaction.keysSave')} ·{' '}
            <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">↵</Kbd> {t('satisfaction.keysSaveWords')}
          </Text>
          <Button type="submit" disabled={!answers.length} loading={save.isPending} data-testid="interview-save">
            {t('satisfaction.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
