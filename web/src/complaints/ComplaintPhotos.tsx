import { Anchor, FileButton, Button, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconPhotoPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import type { ComplaintDetail } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import { documentUrl } from '../api/documents.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PHOTO_ACCEPT, photoForm } from './photo-upload.ts';

/** Who adds photos to a complaint: the desk, and the customer's buyer on her own (the route's access). */
const PHOTO_SENDERS = [...ORDER_DESK, 'buyer'] as const;

/**
 * The customer's photos (and scanned delivery notes) as thumbnails, each opening the file; more added at once. On
 * the desk's complaint and on the portal's, as each is cached under ['complaints', id].
 */
export function ComplaintPhotos({ complaint: c }: { complaint: Pick<ComplaintDetail, 'id' | 'photos'> }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (files: File[]) => api.post<typeof c>(`/api/complaints/${c.id}/photos`, photoForm(files)),
    onSuccess: (updated) => queryClient.setQueryData(['complaints', c.id], updated),
  });
  return (
    <Paper withBorder p="sm" data-testid="complaint-photos">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('complaints.photos.title')}</Title>
        {can(PHOTO_SENDERS) && (
          <FileButton multiple accept={PHOTO_ACCEPT} onChange={(files) => files.length && upload.mutate(files)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconPhotoPlus size={14} />}
                loading={upload.isPending}
                data-testid="complaint-photos-add"
              >
                {t('complaints.photos.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Stack gap="xs">
        <ErrorAlert error={upload.error} />
        {c.photos.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('complaints.photos.none')}
          </Text>
        ) : (
          <Group gap="xs">
            {c.photos.map((p) => (
              <Anchor key={p.id} href={documentUrl(p.id)} target="_blank" title={p.filename} data-testid="complaint-photo">
                {p.thumbnailId ? (
                  <Image src={documentUrl(p.thumbnailId)} alt={p.filename} h={96} w={128} fit="cover" radius="sm" />
                ) : (
                  <Group
                    gap={4}
                    h={96}
                    w={128}
                    justify="center"
                    style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
                  >
                    <IconFileTypePdf size={20} />
                    <Text size="xs" truncate maw={90}>
                      {p.filename}
                    </Text>
                  </Group>
                )}
              </Anchor>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('complaints.photos.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
