import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconPin, IconPinnedOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOODS, type Mood } from '../../../core/complaints/complaint.ts';
import type { CustomerNote, CustomerNoteInput } from '../../../core/customers/notes.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';

/** The customer's story and its timeline move with every note: both are read again. */
function useStoryChanged(customerId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['customers', customerId, 'story'] }),
      queryClient.invalidateQueries({ queryKey: ['customers', customerId, 'timeline'] }),
    ]);
}

/** Notes colleagues left about him, pinned first, and the form to leave one (pinned: shown at entry and on the call). */
export function StoryNotes({ customerId, notes }: { customerId: number; notes: readonly CustomerNote[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const changed = useStoryChanged(customerId);
  const [form, setForm] = useState<{ text: string; pinned: boolean; mood: Mood | null }>({ text: '', pinned: false, mood: null });
  const { busy, errors, generalError, handleSubmit } = useSubmit(
    () => api.post<CustomerNote>(`/api/customers/${customerId}/notes`, { ...form } satisfies CustomerNoteInput),
    () => {
      setForm({ text: '', pinned: false, mood: null });
      void changed();
    },
  );
  const [pinError, setPinError] = useState<unknown>(null);
  const togglePin = async (note: CustomerNote) => {
    setPinError(null);
    try {
      await api.patch(`/api/customers/${customerId}/notes/${note.id}`, { pinned: !note.pinned });
      await changed();
    } catch (e) {
      setPinError(e);
    }
  };
  return (
    <Paper withBorder p="sm" data-testid="story-notes">
      <Title order={3} size="h5" mb={4}>
        {t('story.notes.title')}
      </Title>
      <ErrorAlert error={pinError} />
      <Stack gap={6} mb="sm">
        {notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('story.notes.none')}
          </Text>
        )}
        {notes.map((n) => (
          <Group key={n.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="story-note">
            <Tooltip label={n.pinned ? t('story.notes.unpin') : t('story.notes.pin')}>
              <ActionIcon
                variant={n.pinned ? 'light' : 'subtle'}
                color={n.pinned ? 'yellow' : 'gray'}
                aria-label={n.pinned ? t('story.notes.unpin') : t('story.notes.pin')}
                onClick={() => void togglePin(n)}
                data-testid="story-note-pin"
              >
                {n.pinned ? <IconPinnedOff size={16} /> : <IconPin size={16} />}
              </ActionIcon>
            </Tooltip>
            <div>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}{' '}
                {n.pinned && (
                  <Badge size="xs" color="yellow" variant="light">
                    {t('story.notes.pinnedBadge')}
                  </Badge>
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {t('story.notes.by', { author: n.authorName ?? t('story.someone'), date: fmt.dateTime(n.at) })}
                {n.mood && ` · ${t('story.timeline.mood', { mood: t(`complaints.moods.${n.mood}`) })}`}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
      <form onSubmit={handleSubmit}>
        <Stack gap="xs">
          <ErrorAlert error={generalError} />
          <Textarea
            label={t('story.notes.text')}
            placeholder={t('story.notes.placeholder')}
            autosize
            minRows={2}
            value={form.text}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setForm((f) => ({ ...f, text }));
            }}
            error={errors['text']}
            data-testid="story-note-text"
          />
          <Group gap="sm" align="flex-end">
            <Select
              label={t('story.notes.mood')}
              data={MOODS.map((m) => ({ value: m, label: t(`complaints.moods.${m}`) }))}
              value={form.mood}
              onChange={(v) => setForm((f) => ({ ...f, mood: v as Mood | null }))}
              clearable
              w={200}
            />
            <Checkbox
              label={t('story.notes.pinIt')}
              checked={form.pinned}
              onChange={(e) => {
                const pinned = e.currentTarget.checked;
                setForm((f) => ({ ...f, pinned }));
              }}
              mb={8}
              data-testid="story-note-pinned"
            />
            <Button type="submit" loading={busy} disabled={!form.text.trim()} ml="auto" data-testid="story-note-add">
              {t('story.notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
