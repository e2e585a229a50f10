import { Alert, Button, FileInput, Group, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPhotoPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { COMPLAINT_REASONS, type ComplaintReason } from '../../../core/complaints/complaint.ts';
import type { PortalComplaint } from '../../../core/complaints/complaints.schemas.ts';
import { PHOTO_MAX_BYTES } from '../../../core/complaints/photos.ts';
import { api } from '../api/client.ts';
import type { OrderDetail } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { errorMessage } from '../shared/error-message.ts';
import { useDocumentTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { PHOTO_ACCEPT, photoForm } from '../complaints/photo-upload.ts';

/** The form's fields the server's refusals are shown beside; any other refusal is the form's general message. */
const SHOWN = ['reason', 'description', 'lines.0.quantity'];

/**
 * "Something was wrong with this line": the buyer says what (the desk's reasons), how much of what she received,
 * in her words, with her photos. The complaint is filed first, then its photos, each checked by its content on the
 * server; a refused photo leaves the complaint filed, and says so on its page, where she adds them again.
 */
export function PortalComplaintFormPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const orderId = Number(useParams().id);
  const [params] = useSearchParams();
  const order = useQuery({ queryKey: ['orders', orderId], queryFn: () => api.get<OrderDetail>(`/api/orders/${orderId}`) });
  const delivery = order.data?.deliveries.find((d) => d.id === Number(params.get('delivery')) && d.status === 'delivered');
  const line = delivery?.lines.find((l) => l.orderLineId === Number(params.get('line')));
  const received = line ? (line.deliveredQuantity ?? line.quantity) : 0;
  const [reason, setReason] = useState<ComplaintReason>('damaged-packaging');
  const [quantity, setQuantity] = useState<number | string>(1);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  useDocumentTitle(t('portal.complaints.new'));
  const save = useSubmit(
    async () => {
      const complaint = await api.post<PortalComplaint>('/api/complaints', {
        customerId: user!.customerId,
        orderId,
        deliveryId: delivery!.id,
        lines: [{ orderLineId: line!.orderLineId, quantity: Number(quantity) }],
        reason,
        description,
        channel: 'portal',
      });
      const photoError = photos.length
        ? await api.post(`/api/complaints/${complaint.id}/photos`, photoForm(photos)).then(
            () => null,
            (e: unknown) => errorMessage(e, t),
          )
        : null;
      return { id: complaint.id, photoError };
    },
    ({ id, photoError }) => {
      void queryClient.invalidateQueries({ queryKey: ['portal-complaints'] });
      void navigate(`/portal/complaints/${id}`, { state: { photoError } });
    },
  );
  if (order.isPending) return <Text>{t('common.loading')}</Text>;
  if (!order.data) return <Alert color="red">{errorMessage(order.error, t)}</Alert>;
  if (!delivery || !line) return <Alert color="yellow">{t('portal.complaints.notDelivered')}</Alert>;
  const unknownRefusal = Object.keys(save.errors).some((field) => !SHOWN.includes(field));
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        {t('portal.complaints.new')}
      </Title>
      <Paper withBorder p="sm">
        <Text fw={600}>{line.productName}</Text>
        <Text size="sm" c="dimmed">
          {t('portal.complaints.deliveredOn', {
            order: order.data.number,
            delivery: delivery.number,
            date: fmt.date(delivery.deliveredAt),
            quantity: received,
          })}
        </Text>
      </Paper>
      <form onSubmit={save.handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={unknownRefusal ? save.error : save.generalError} />
          <NativeSelect
            label={t('portal.complaints.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as ComplaintReason)}
            data={COMPLAINT_REASONS.map((r) => ({ value: r, label: t(`complaints.reasons.${r}`) }))}
            error={save.errors.reason}
            w={360}
          />
          <NumberInput
            label={t('portal.complaints.quantity')}
            description={t('portal.complaints.quantityHelp', { count: received })}
            min={1}
            max={received}
            allowDecimal={false}
            value={quantity}
            onChange={setQuantity}
            error={save.errors['lines.0.quantity']}
            size="sm"
            w={200}
            required
          />
          <Textarea
            label={t('portal.complaints.description')}
            description={t('portal.complaints.descriptionHelp')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={save.errors.description}
            size="sm"
            autosize
            minRows={3}
            maxLength={4000}
            required
          />
          <FileInput
            label={t('portal.complaints.photos')}
            description={t('portal.complaints.photosHelp', { mb: PHOTO_MAX_BYTES / 1024 / 1024 })}
            placeholder={t('portal.complaints.choosePhotos')}
            leftSection={<IconPhotoPlus size={14} />}
            multiple
            clearable
            accept={PHOTO_ACCEPT}
            value={photos}
            onChange={setPhotos}
            w={420}
          />
          <Group>
            <Button type="submit" loading={save.busy} disabled={!description.trim()}>
              {t('portal.complaints.send')}
            </Button>
            <Button component={Link} to={`/portal/orders/${orderId}`} variant="subtle">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
