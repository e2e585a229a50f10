import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import type { Complaint } from '../../../core/complaints/complaints.schemas.ts';
import type { SatisfactionInterview } from '../../../core/satisfaction/satisfaction.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { ScoreInput } from './ScoreInput.tsx';
import { useCustomerInterviews } from './use-satisfaction.ts';

const SETTLED: readonly Complaint['status'][] = ['resolved', 'refused', 'closed'];

/**
 * Once a complaint is settled, the one satisfaction question it may ask: how the desk handled it, 0 to 10. Asked
 * once; the answer then stays on the complaint, and a low one opens the manager's follow-up like an interview's.
 */
export function ComplaintQuestion({ complaint }: { complaint: Pick<Complaint, 'id' | 'customerId' | 'status'> }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [score, setScore] = useState<number | null>(null);
  const history = useCustomerInterviews(complaint.customerId);
  const save = useMutation({
    mutationFn: () =>
      api.post<SatisfactionInterview>(`/api/customers/${complaint.customerId}/satisfaction`, {
        answers: [{ question: 'desk', score }],
        complaintId: complaint.id,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['satisfaction'] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  if (!SETTLED.includes(complaint.status) || !history.data) return null;
  const asked = save.data ?? history.data.items.find((i) => i.complaintId === complaint.id);
  if (!asked && !can(ORDER_DESK)) return null;
  return (
    <Paper withBorder p="sm" data-testid="complaint-question">
      <Title order={5} mb="xs">
        {t('satisfaction.complaintQuestion')}
      </Title>
      <Text size="sm" mb="xs">
        {t('satisfaction.complaintAsk')}
      </Text>
      {asked ? (
        <Text size="sm" fw={600}>
          {t('satisfaction.complaintAnswer', { score: asked.answers[0]?.score })}
          {asked.followUpTaskId !== null && ` · ${t('satisfaction.followedUp')}`}
        </Text>
      ) : (
        <Group
          gap="xs"
          align="flex-end"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (score !== null) save.mutate();
          }}
        >
          <ScoreInput label={t('satisfaction.questions.desk')} w={140} score={score} onScore={setScore} />
          <Button type="submit" disabled={score === null} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={save.error} />
    </Paper>
  );
}
