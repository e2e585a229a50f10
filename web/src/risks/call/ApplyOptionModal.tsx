import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OptionEffect } from '../../../../core/risks/options.ts';
import { useFormat } from '../../shared/use-format.ts';
import type { RiskCall } from './types.ts';
import { useLanguage } from '../../shared/use-language.ts';

type Option = RiskCall['options'][number];

/**
 * Before an option touches the order: exactly what will change on it, in the trade's words (which line goes from how
 * many to how many, what is added at what price, what leaves later and when, the new date, the other site), what the
 * order's amount moves by, and that the customer gets a new acknowledgement. Applying is one more click; undo follows.
 */
export function ApplyOptionModal({
  risk,
  option,
  applying,
  onApply,
  onClose,
}: {
  risk: RiskCall;
  option: Option | null;
  applying: boolean;
  onApply: (o: Option) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const unit = risk.saleUnit?.toLowerCase() ?? '';
  const say = (e: OptionEffect) => {
    switch (e.kind) {
      case 'quantity':
        return t('risks.confirm.quantity', { product: e.product, from: fmt.number(e.from), to: fmt.number(e.to), unit });
      case 'cancel-line':
        return t('risks.confirm.cancelLine', { product: e.product, quantity: fmt.number(e.quantity), unit });
      case 'add-line':
        return t('risks.confirm.addLine', {
          product: e.product,
          quantity: fmt.number(e.quantity),
          price: fmt.money(e.unitPriceCents),
          unit,
        });
      case 'backorder':
        return t('risks.confirm.backorder', { product: e.product, quantity: fmt.number(e.quantity), date: fmt.date(e.date), unit });
      case 'second-delivery':
        return t('risks.confirm.secondDelivery', {
          product: e.product,
          keep: fmt.number(e.keep),
          quantity: fmt.number(e.quantity),
          date: fmt.date(e.date),
          unit,
        });
      case 'date':
        return t('risks.confirm.date', { from: fmt.date(e.from), to: fmt.date(e.to) });
      case 'warehouse':
        return t('risks.confirm.warehouse', { product: e.product, from: e.from, to: e.to });
    }
  };
  const amount = option?.priceEffectCents ?? 0;
  return (
    <Modal opened={option !== null} onClose={onClose} title={t('risks.confirm.title', { order: risk.orderNumber })} size="lg">
      {option && (
        <Stack gap="sm" data-testid="risk-apply-confirm">
          <Text fw={600}>{option.label[lang]}</Text>
          <List size="sm" spacing={4}>
            {(option.effects as OptionEffect[]).map((e, i) => (
              <List.Item key={i}>{say(e)}</List.Item>
            ))}
          </List>
          <Text size="sm" data-testid="risk-apply-amount">
            {amount === 0
              ? t('risks.confirm.amountSame')
              : t(amount > 0 ? 'risks.confirm.amountUp' : 'risks.confirm.amountDown', { amount: fmt.money(Math.abs(amount)) })}
          </Text>
          {option.penaltyEffect.claimableCents > 0 && (
            <Text size="sm">{t('risks.confirm.penalty', { amount: fmt.money(option.penaltyEffect.claimableCents) })}</Text>
          )}
          {!option.accepted && (
            <Alert color="orange" variant="light" p="xs">
              {t('risks.confirm.outside')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('risks.confirm.acknowledgement')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('risks.confirm.back')}
            </Button>
            <Button loading={applying} onClick={() => onApply(option)} data-testid="risk-apply-confirm-button" data-autofocus>
              {t('risks.confirm.apply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
