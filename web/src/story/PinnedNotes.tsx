import { Alert, Stack, Text } from '@mantine/core';
import { IconPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomerStory } from '../../../core/customers/timeline.schemas.ts';
import { api } from '../api/client.ts';
import { useFormat } from '../shared/use-format.ts';

export function useCustomerStory(customerId: number) {
  return useQuery({
    queryKey: ['customers', customerId, 'story'],
    queryFn: () => api.get<CustomerStory>(`/api/customers/${customerId}/story`),
  });
}

/** What a colleague pinned about the customer: read before speaking to him (order entry, call screen, his page). */
export function PinnedNotes({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const story = useCustomerStory(customerId);
  const pinned = story.data?.notes.filter((n) => n.pinned) ?? [];
  if (!pinned.length) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconPin size={16} />} title={t('story.pinned')} data-testid="pinned-notes" py="xs">
      <Stack gap={4}>
        {pinned.map((n) => (
          <Text key={n.id} size="sm">
            {n.text}{' '}
            <Text span size="xs" c="dimmed">
              — {n.authorName ?? t('story.someone')}, {fmt.dateTime(n.at)}
            </Text>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
