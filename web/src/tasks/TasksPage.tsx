import { Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import type { Task, TaskList } from '../../../core/tasks/tasks.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { parisToday } from '../shared/clock.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';

const PRIORITY_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'yellow' };

/** The open tasks of the logged-in assistant (or everyone's), most urgent first; each marked done in one click. */
export function TasksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user, can } = useAuth();
  const queryClient = useQueryClient();
  const [whose, setWhose] = useState<'mine' | 'all'>(user?.role === 'assistant' ? 'mine' : 'all');
  const tasks = useQuery({
    queryKey: ['tasks', whose, user?.id],
    queryFn: () => api.get<TaskList>(withQuery('/api/tasks', { status: 'open', assigneeId: whose === 'mine' ? user?.id : undefined })),
  });
  const done = useMutation({
    mutationFn: (id: number) => api.post<Task>(`/api/tasks/${id}/done`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
  const lang = useLanguage();
  const today = parisToday();

  return (
    <Stack gap="sm" maw={1200}>
      <PageTitle title={t('tasks.title')}>
        <SegmentedControl
          value={whose}
          onChange={(v) => setWhose(v as 'mine' | 'all')}
          data={[
            { value: 'mine', label: t('tasks.mine') },
            { value: 'all', label: t('tasks.all') },
          ]}
        />
      </PageTitle>
      <ErrorAlert error={tasks.error ?? done.error} />
      {tasks.isPending && <Loader />}
      {tasks.data && !tasks.data.items.length && <Text c="dimmed">{t('tasks.none')}</Text>}
      {tasks.data && tasks.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="tasks-table" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('tasks.priority')}</Table.Th>
                <Table.Th>{t('tasks.task')}</Table.Th>
                <Table.Th w={200}>{t('tasks.customer')}</Table.Th>
                <Table.Th w={130}>{t('tasks.due')}</Table.Th>
                <Table.Th w={150}>{t('tasks.assignee')}</Table.Th>
                <Table.Th w={120} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.data.items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Badge color={PRIORITY_COLOR[task.priority] ?? 'gray'} variant="light">
                      P{task.priority}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {task.title[lang]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {task.reason[lang]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`tasks.kinds.${task.kind}`, { defaultValue: task.kind })}
                      {task.estimatedMinutes ? ` · ${t('tasks.minutes', { count: task.estimatedMinutes })}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {task.customerId && (
                      <Anchor component={Link} to={`/customers/${task.customerId}`} size="sm">
                        {task.customerName}
                      </Anchor>
                    )}
                    {task.orderId && (
                      <Anchor component={Link} to={`/orders/${task.orderId}`} size="xs" display="block">
                        {t('tasks.order')}
                      </Anchor>
                    )}
                    {task.complaintId && (
                      <Anchor component={Link} to={`/complaints/${task.complaintId}`} size="xs" display="block">
                        {t('tasks.complaint')}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {fmt.date(task.dueDate)}
                    {task.dueDate !== null && task.dueDate < today && (
                      <Badge color="red" size="xs" ml={4} data-testid="task-late">
                        {t('tasks.late')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{task.assigneeName ?? '—'}</Table.Td>
                  <Table.Td>
                    {can(ORDER_DESK) && (
                      <Group justify="flex-end">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconCheck size={14} />}
                          loading={done.isPending && done.variables === task.id}
                          data-testid={`task-done-${task.id}`}
                          onClick={() => done.mutate(task.id)}
                        >
                          {t('tasks.done')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
