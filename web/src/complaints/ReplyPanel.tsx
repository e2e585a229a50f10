import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import type { ComplaintDetail, ComplaintReplyDraft } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';

/** Once settled: the French answer drafted from the outcome, edited, then emailed through the outbox or printed. */
export function ReplyPanel({ complaint: c, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const settled = c.resolution !== null && c.answer === null;
  const draft = useQuery({
    queryKey: ['complaints', c.id, 'reply'],
    queryFn: () => api.get<ComplaintReplyDraft>(`/api/complaints/${c.id}/reply`),
    enabled: settled && can(ORDER_DESK),
  });
  const [text, setText] = useState('');
  useEffect(() => {
    if (draft.data) setText(draft.data.text);
  }, [draft.data]);
  const send = useMutation({
    mutationFn: (channel: 'email' | 'print') => api.post<ComplaintDetail>(`/api/complaints/${c.id}/reply`, { channel, text }),
    onSuccess: (updated) => {
      onDone();
      queryClient.setQueryData(['complaints', c.id], updated);
    },
  });
  if (c.answer)
    return (
      <Paper withBorder p="sm" data-testid="complaint-reply-sent">
        <Text size="sm" fw={600}>
          {t(`complaints.reply.sent.${c.answer.channel}`, { at: fmt.dateTime(c.answer.sentAt) })}
        </Text>
      </Paper>
    );
  if (!settled || !can(ORDER_DESK)) return null;
  return (
    <Paper withBorder p="sm" data-testid="complaint-reply">
      <Stack gap="xs">
        <Title order={5}>{t('complaints.reply.title')}</Title>
        <ErrorAlert error={draft.error ?? send.error} />
        {draft.data && (
          <Text size="xs" c="dimmed">
            {draft.data.toAddress
              ? t('complaints.reply.to', { to: `${draft.data.toName ?? ''} <${draft.data.toAddress}>` })
              : t('complaints.reply.noEmail')}
          </Text>
        )}
        <Textarea
          autosize
          minRows={8}
          maxRows={16}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="complaint-reply-text"
        />
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="default"
            loading={send.isPending && send.variables === 'print'}
            onClick={() => send.mutate('print')}
            data-testid="complaint-reply-print"
          >
            {t('complaints.reply.print')}
          </Button>
          <Button
            size="xs"
            disabled={!draft.data?.toAddress}
            loading={send.isPending && send.variables === 'email'}
            onClick={() => send.mutate('email')}
            data-testid="complaint-reply-email"
          >
            {t('complaints.reply.email')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
