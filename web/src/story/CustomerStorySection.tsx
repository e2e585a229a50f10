import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { HabitsCard } from './HabitsCard.tsx';
import { OpenMattersCard } from './OpenMattersCard.tsx';
import { useCustomerStory } from './PinnedNotes.tsx';
import { StoryNotes } from './StoryNotes.tsx';
import { StoryTimeline } from './StoryTimeline.tsx';

/** The customer's whole story on his page: his habits, what is open, his mood, the notes and everything that happened. */
export function CustomerStorySection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const story = useCustomerStory(customerId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="customer-story-title" data-testid="customer-story">
      <Title order={2} size="h4" id="customer-story-title">
        {t('story.title')}
      </Title>
      <HabitsCard customerId={customerId} />
      <ErrorAlert error={story.error} />
      {story.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <OpenMattersCard customerId={customerId} story={story.data} />
          <StoryNotes customerId={customerId} notes={story.data.notes} />
        </SimpleGrid>
      )}
      <StoryTimeline customerId={customerId} />
    </Stack>
  );
}
