import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceLine } from '../../../core/pricing/price-list.ts';
import type { PriceListLine } from '../../../core/pricing/pricing.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { centsToEuros, eurosToCents, parseInteger } from '../shared/form-values.ts';
import { useSubmit } from '../shared/use-submit.ts';

type TierText = { minQuantity: string; price: string };

/**
 * One line of a price list, edited: its price from one unit and its lower prices by quantity, typed the French way
 * ("18,50"). What is not a number is sent as typed, so the server names the field that is wrong.
 */
export function PriceLineModal({
  priceListId,
  line,
  onClose,
  onSaved,
}: {
  priceListId: number;
  line: PriceLine;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [price, setPrice] = useState(centsToEuros(line.unitPriceCents));
  const [tiers, setTiers] = useState<TierText[]>(
    line.tiers.map((x) => ({ minQuantity: String(x.minQuantity), price: centsToEuros(x.unitPriceCents) })),
  );
  const form = useSubmit(
    () =>
      api.put<PriceListLine>(`/api/price-lists/${priceListId}/items/${line.productId}`, {
        unitPriceCents: eurosToCents(price) ?? price,
        tiers: tiers.map((x) => ({
          minQuantity: parseInteger(x.minQuantity) ?? x.minQuantity,
          unitPriceCents: eurosToCents(x.price) ?? x.price,
        })),
      }),
    onSaved,
  );
  const setTier = (i: number, change: Partial<TierText>) => setTiers(tiers.map((x, k) => (k === i ? { ...x, ...change } : x)));
  return (
    <Modal opened onClose={onClose} title={`${line.productCode} — ${line.productName}`}>
      <form onSubmit={form.handleSubmit} noValidate data-testid="price-line-form">
        <Stack gap="sm">
          <ErrorAlert error={form.generalError} />
          <TextInput
            label={t('priceLists.unitPrice')}
            description={t('priceLists.unitPriceHint')}
            rightSection="€"
            value={price}
            error={form.errors.unitPriceCents}
            onChange={(e) => setPrice(e.currentTarget.value)}
            data-autofocus
            data-testid="price-line-price"
          />
          <Text size="sm" fw={500}>
            {t('priceLists.tiers')}
          </Text>
          {tiers.map((x, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                w={140}
                label={t('priceLists.fromQuantity')}
                value={x.minQuantity}
                error={form.errors[`tiers.${i}.minQuantity`]}
                onChange={(e) => setTier(i, { minQuantity: e.currentTarget.value })}
              />
              <TextInput
                w={140}
                label={t('priceLists.unitPrice')}
                rightSection="€"
                value={x.price}
                error={form.errors[`tiers.${i}.unitPriceCents`]}
                onChange={(e) => setTier(i, { price: e.currentTarget.value })}
              />
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={t('priceLists.removeTier')}
                onClick={() => setTiers(tiers.filter((_, k) => k !== i))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => setTiers([...tiers, { minQuantity: '', price: '' }])}
            >
              {t('priceLists.addTier')}
            </Button>
          </Group>
          <FormActions busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
