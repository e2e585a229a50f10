import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormat } from '../../shared/use-format.ts';
import type { ResolveAnswer, RiskCall, RiskOption } from './types.ts';

const optionKey = (o: Pick<RiskOption, 'kind' | 'productId' | 'warehouseId'>) => `${o.kind}:${o.productId ?? ''}:${o.warehouseId ?? ''}`;

/**
 * The call: whom to ring (order contact first, a tel: link), the situation in two lines, what to say, the options
 * ranked with what each does to the dates, the price and the penalty. One click records the customer's choice: the
 * server applies it to the order, resends the acknowledgement and closes the risk; then the updated order opens.
 */
export function RiskCallPanel({ risk }: { risk: RiskCall }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const [note, setNote] = useState('');
  const [callBackAt, setCallBackAt] = useState('');
  const done = (a: ResolveAnswer) => {
    void client.invalidateQueries({ queryKey: ['risks'] });
    void client.invalidateQueries({ queryKey: ['orders'] });
    if (a.outcome === 'applied') void navigate(`/orders/${a.orderId}`);
  };
  const choose = useMutation({
    mutationFn: (o: RiskOption) =>
      api.post<ResolveAnswer>(`/api/risks/${risk.id}/resolve`, {
        option: { kind: o.kind, productId: o.productId, warehouseId: o.warehouseId },
        note: note || null,
        customerApproved: o.accepted ? undefined : true,
      }),
    onSuccess: done,
  });
  const later = useMutation({
    mutationFn: () =>
      api.post<ResolveAnswer>(`/api/risks/${risk.id}/resolve`, { callBackAt: new Date(callBackAt).toISOString(), note: note || null }),
    onSuccess: done,
  });
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
        <Alert variant="light" title={t('risks.call.script')} p="xs">
          {risk.script[lang].map((l) => (
            <Text key={l} size="sm" fs="italic">
              « {l} »
            </Text>
          ))}
        </Alert>
        {risk.options.length === 0 ? (
          <Text size="sm" c="dimmed">
            {open
              ? t('risks.call.noOptions')
              : t('risks.call.decided', { option: risk.resolutionOption ?? '', note: risk.resolutionNote ?? '' })}
          </Text>
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
                        loading={choose.isPending && choose.variables === o}
                        disabled={choose.isPending}
                        onClick={() => choose.mutate(o)}
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
              <TextInput
                type="datetime-local"
                label={t('risks.call.callBackAt')}
                value={callBackAt}
                onChange={(e) => setCallBackAt(e.currentTarget.value)}
                data-testid="risk-callback-at"
              />
              <Button variant="default" disabled={!callBackAt} loading={later.isPending} onClick={() => later.mutate()}>
                {t('risks.call.callBack')}
              </Button>
            </Group>
            {later.isSuccess && <Alert color="blue">{t('risks.call.callBackSaved')}</Alert>}
          </>
        )}
        <ErrorAlert error={choose.error ?? later.error} />
      </Stack>
    </Paper>
  );
}
