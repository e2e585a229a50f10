import { Anchor, Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileAlert,
  IconFileInvoice,
  IconMessageExclamation,
  IconMoodSmile,
  IconNote,
  IconPackageExport,
  IconPhone,
  IconTruckDelivery,
  type Icon,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineKind } from '../../../core/customers/timeline.ts';
import type { TimelineEntry, TimelinePage } from '../../../core/customers/timeline.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { entryText } from './entry-text.ts';

const PAGE = 20;

const LOOK: Record<TimelineKind, { icon: Icon; color: string }> = {
  order: { icon: IconFileInvoice, color: 'blue' },
  'delivery-shipped': { icon: IconPackageExport, color: 'cyan' },
  'delivery-delivered': { icon: IconTruckDelivery, color: 'teal' },
  complaint: { icon: IconMessageExclamation, color: 'red' },
  'risk-detected': { icon: IconAlertTriangle, color: 'orange' },
  'risk-resolved': { icon: IconCircleCheck, color: 'green' },
  note: { icon: IconNote, color: 'yellow' },
  call: { icon: IconPhone, color: 'grape' },
  satisfaction: { icon: IconMoodSmile, color: 'lime' },
  'edi-problem': { icon: IconFileAlert, color: 'orange' },
};

/**
 * Where an entry leads: the order, complaint or risk it is about, the call log, the EDI queue, his interviews; a
 * note is read where it stands.
 */
function linkOf(entry: TimelineEntry, customerId: number): string | null {
  switch (entry.ref.type) {
    case 'order':
      return `/orders/${entry.ref.id}`;
    case 'complaint':
      return `/complaints/${entry.ref.id}`;
    case 'risk':
      return `/risks/${entry.ref.id}`;
    case 'call':
      return '/calls';
    case 'edi':
      return '/edi';
    case 'satisfaction':
      return `/customers/${customerId}/satisfaction`;
    case 'note':
      return null;
  }
}

/** Everything that happened to him, newest first, a page at a time: years of history stay a click per page. */
export function StoryTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useInfiniteQuery({
    queryKey: ['customers', customerId, 'timeline'],
    queryFn: ({ pageParam }) =>
      api.get<TimelinePage>(withQuery(`/api/customers/${customerId}/timeline`, { limit: PAGE, before: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="sm" data-testid="story-timeline">
      <Title order={3} size="h5" mb="xs">
        {t('story.timeline.title')}
      </Title>
      <ErrorAlert error={query.error} />
      {query.data && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('story.timeline.none')}
        </Text>
      )}
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {entries.map((e) => {
          const look = LOOK[e.kind];
          const link = linkOf(e, customerId);
          const text = entryText(e, t, fmt);
          return (
            <Group
              key={`${e.kind}:${e.id}`}
              component="li"
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              data-testid="story-entry"
              data-kind={e.kind}
            >
              <ThemeIcon variant="light" color={look.color} size="md" aria-hidden>
                <look.icon size={16} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge variant="light" color={look.color} size="sm">
                    {t(`story.timeline.kinds.${e.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {fmt.dateTime(e.at)}
                  </Text>
                </Group>
                <Text size="sm">
                  {link ? (
                    <Anchor component={Link} to={link} size="sm">
                      {text.main}
                    </Anchor>
                  ) : (
                    text.main
                  )}
                  {text.more && (
                    <Text span size="sm" c="dimmed">
                      {' · '}
                      {text.more}
                    </Text>
                  )}
                </Text>
              </div>
            </Group>
          );
        })}
      </Stack>
      {query.hasNextPage ? (
        <Button
          variant="default"
          mt="sm"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
          data-testid="story-timeline-more"
        >
          {t('story.timeline.more')}
        </Button>
      ) : (
        entries.length > 0 && (
          <Text size="xs" c="dimmed" mt="sm">
            {t('story.timeline.end')}
          </Text>
        )
      )}
    </Paper>
  );
}
