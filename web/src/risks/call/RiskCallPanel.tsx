import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import { api, ApiError } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { CallScript } from '../../scripts/CallScript.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { ApplyOptionModal } from './ApplyOptionModal.tsx';
import { CallBackField, type CallBackValue } from './CallBackField.tsx';
import type { ResolveAnswer, RiskCall, RiskOption, UndoAnswer } from './types.ts';
import { useLanguage } from '../../shared/use-language.ts';

const optionKey = (o: Pick<RiskOption, 'kind' | 'productId' | 'warehouseId'>) => `${o.kind}:${o.productId ?? ''}:${o.warehouseId ?? ''}`;

/**
 * The call: whom to ring (order contact first, a tel: link), the situation in two lines, what to say, the options
 * ranked with what each does to the dates, the price and the penalty. Choosing one opens what exactly it will change
 * on the order (ApplyOptionModal); applied, the server changes the order, resends the acknowledgement and closes the
 * risk, and the panel offers to undo it (while nothing moved on) or to open the order. Or a call-back, in Paris time.
 */
export function RiskCallPanel({ risk }: { risk: RiskCall }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const client = useQueryClient();
  const lang = useLanguage();
  const [note, setNote] = useState('');
  const [callBack, setCallBack] = useState<CallBackValue>({ date: null, time: '' });
  const [confirming, setConfirming] = useState<RiskCall['options'][number] | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['risks'] });
    void client.invalidateQueries({ queryKey: ['orders'] });
    void client.invalidateQueries({ queryKey: ['day'] });
  };
  const choose = useMutation({
    mutationFn: (o: RiskOption) =>
      api.post<ResolveAnswer>(`/api/risks/${risk.id}/resolve`, {
        option: { kind: o.kind, productId: o.productId, warehouseId: o.warehouseId },
        note: note || null,
        customerApproved: o.accepted ? undefined : true,
      }),
    onSuccess: () => {
      setConfirming(null);
      undo.reset();
      refresh();
    },
  });
  const undo = useMutation({
    mutationFn: () => api.post<UndoAnswer>(`/api/risks/${risk.id}/undo`),
    onSuccess: () => {
      choose.reset();
      refresh();
    },
  });
  const later = useMutation({
    mutationFn: () => api.post<ResolveAnswer>(`/api/risks/${risk.id}/resolve`, { callBack, note: note || null }),
    onSuccess: () => {
      undo.reset();
      refresh();
    },
  });
  const undoRefusal = undo.error instanceof ApiError ? (undo.error.body.undo as { reason?: string } | undefined) : undefined;
  const open = risk.status === 'open';
  const desk = can(ORDER_DESK) && open;
  const contact = risk.contacts[0];
  const phone = contact?.phone ?? risk.customerPhone;
  const signed = (cents: number) => (cents === 0 ? '—' : `${cents > 0 ? '+' : '−'}${fmt.money(Math.abs(cents))}`);

  return (
    <Paper withBorder p="sm" data-testid="risk-call">
      <Title order={5} mb="xs">
        {t('risks.call.title')}
      </Title>
      <Stack gap="sm">
        <Group gap="lg" align="flex-start">
          <div>
            <Text size="sm" fw={600}>
              {contact ? contact.name : risk.customerName}
              {contact?.role ? ` · ${contact.role}` : ''}
              {contact?.isOrderContact && (
                <Badge ml="xs" size="xs" variant="light">
                  {t('risks.call.orderContact')}
                </Badge>
              )}
            </Text>
            {phone ? (
              <Anchor href={`tel:${phone.replace(/\s+/g, '')}`} data-testid="risk-call-phone">
                <Group gap={4}>
                  <IconPhone size={14} />
                  {phone}
                </Group>
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t('risks.call.noPhone')}
              </Text>
            )}
            {contact?.preferredHours && (
              <Text size="xs" c="dimmed">
                {t('risks.call.hours', { hours: contact.preferredHours })}
              </Text>
            )}
          </div>
          {risk.contacts.slice(1, 3).map((c) => (
            <div key={c.id}>
              <Text size="sm">
                {c.name}
                {c.role ? ` · ${c.role}` : ''}
              </Text>
              {c.phone && <Anchor href={`tel:${c.phone.replace(/\s+/g, '')}`}>{c.phone}</Anchor>}
            </div>
          ))}
        </Group>
        <div data-testid="risk-situation">
          {risk.situation[lang].map((l) => (
            <Text key={l} size="sm">
              {l}
            </Text>
          ))}
          {risk.warehouse && (
            <Text size="xs" c="dimmed" data-testid="risk-warehouse">
              {t('risks.call.servedFrom', { code: risk.warehouse.code, name: risk.warehouse.name })}
            </Text>
          )}
        </div>
        {risk.deliveryRequirement && (
          <Alert color="grape" variant="light" p="xs" data-testid="risk-order-requirement">
            <Text size="sm">
              {t('risks.call.orderRequirement', {
                requirement: t(`deliveryRequirements.${risk.deliveryRequirement}`, { defaultValue: risk.deliveryRequirement }),
              })}
            </Text>
          </Alert>
        )}
        {/* Once the customer has chosen, the script would quote options worked out again on the changed order. */}
        {open && <CallScript typology={risk.typology} screen="risk" lead={risk.script[lang]} />}
        {risk.applied && (
          <Alert
            color="green"
            variant="light"
            p="xs"
            data-testid="risk-applied"
            title={t('risks.call.appliedTitle', { order: risk.orderNumber })}
          >
            <Stack gap={6}>
              <Text size="sm">
                {risk.applied.label[lang]} · {fmt.dateTime(risk.applied.at)}
                {risk.resolutionNote ? ` · ${risk.resolutionNote}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {t('risks.call.appliedAcknowledgement')}
              </Text>
              <Group gap="xs">
                {can(ORDER_DESK) && (
                  <Button size="xs" variant="default" loading={undo.isPending} onClick={() => undo.mutate()} data-testid="risk-undo">
                    {t('risks.call.undo')}
                  </Button>
                )}
                <Button size="xs" variant="light" component={Link} to={`/orders/${risk.orderId}`} data-testid="risk-open-order">
                  {t('risks.call.openOrder')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {undo.isSuccess && (
          <Alert color="blue" variant="light" p="xs" data-testid="risk-undone">
            {t('risks.call.undone', { order: risk.orderNumber })}
          </Alert>
        )}
        {undoRefusal?.reason ? (
          <Alert color="red" variant="light" p="xs" role="alert" data-testid="risk-undo-refused">
            {t(`risks.call.undoRefused.${undoRefusal.reason}`, {
              ...undoRefusal,
              to: t(`orderStatus.${(undoRefusal as { to?: string }).to ?? ''}`, { defaultValue: '' }),
              status: t(`orderStatus.${(undoRefusal as { status?: string }).status ?? ''}`, { defaultValue: '' }),
              action: t(`events.${(undoRefusal as { action?: string }).action ?? ''}`, { defaultValue: '' }),
            })}
          </Alert>
        ) : (
          <ErrorAlert error={undo.error} />
        )}
        {risk.options.length === 0 ? (
          !risk.applied && (
            <Text size="sm" c="dimmed">
              {open ? t('risks.call.noOptions') : t('risks.call.decided', { note: risk.resolutionNote ?? '' })}
            </Text>
          )
        ) : (
          <Table striped data-testid="risk-options">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('risks.call.option')}</Table.Th>
                <Table.Th>{t('risks.call.newDates')}</Table.Th>
                <Table.Th ta="right">{t('risks.call.priceEffect')}</Table.Th>
                <Table.Th ta="right">{t('risks.call.penaltyEffect')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risk.options.map((o) => (
                <Table.Tr key={optionKey(o)} data-testid={`risk-option-${o.kind}`}>
                  <Table.Td>
                    <Text size="sm">{o.label[lang]}</Text>
                    <Badge size="xs" color={o.accepted ? 'green' : 'orange'} variant="light">
                      {o.accepted ? t('risks.call.accepted') : o.needsApproval ? t('risks.call.needsApproval') : t('risks.call.outside')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {fmt.date(o.newDates.delivery)}
                    {o.newDates.backorder ? ` · ${t('risks.call.backorderOn', { date: fmt.date(o.newDates.backorder) })}` : ''}
                    {o.newDates.secondDelivery
                      ? ` · ${t('risks.call.secondDeliveryOn', { date: fmt.date(o.newDates.secondDelivery) })}`
                      : ''}
                  </Table.Td>
                  <Table.Td ta="right">{signed(o.priceEffectCents)}</Table.Td>
                  <Table.Td ta="right">{o.penaltyEffect.claimableCents > 0 ? fmt.money(o.penaltyEffect.claimableCents) : '—'}</Table.Td>
                  <Table.Td>
                    {desk && (
                      <Button
                        size="xs"
                        variant={o.accepted ? 'filled' : 'light'}
                        disabled={choose.isPending}
                        onClick={() => setConfirming(o)}
                      >
                        {t('risks.call.choose')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {desk && (
          <>
            <Textarea
              label={t('risks.call.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
              data-testid="risk-note"
            />
            <Group align="flex-end">
              <CallBackField value={callBack} onChange={setCallBack} />
              <Button
                variant="default"
                disabled={!callBack.date || !/^\d{2}:\d{2}$/.test(callBack.time)}
                loading={later.isPending}
                onClick={() => later.mutate()}
                data-testid="risk-callback-save"
              >
                {t('risks.call.callBack')}
              </Button>
            </Group>
            {later.isSuccess && <Alert color="blue">{t('risks.call.callBackSaved')}</Alert>}
          </>
        )}
        {risk.callBack && (
          <Text size="sm" data-testid="risk-callback-planned">
            {t('risks.call.callBackPlanned', { date: fmt.date(risk.callBack.date), time: risk.callBack.time })}
          </Text>
        )}
        <ErrorAlert error={choose.error ?? later.error} />
      </Stack>
      <ApplyOptionModal
        risk={risk}
        option={confirming}
        applying={choose.isPending}
        onApply={(o) => choose.mutate(o)}
        onClose={() => setConfirming(null)}
      />
    </Paper>
  );
}
