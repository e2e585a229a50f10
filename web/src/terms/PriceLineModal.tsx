import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceLine } from '../../../core/pricing/price-list.ts';
import type { PriceListLine } from '../../../core/pricing/pricing.schemas.ts';
import { api } from '../api/client.ts';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { StepList } from '../shared/StepList.tsx';
import { centsToEuros, eurosToCents, parseInteger } from '../shared/form-values.ts';
import { useSubmit } from '../shared/use-submit.ts';

type TierText = { minQuantity: string; price: string };

/**
 * One line of a price list, edited: its price from one unit and its lower prices by quantity, typed the French way
 * ("18,50"). What is not a number is sent as typed, so the server names the field that is wrong. Without a line, a
 * product the list does not sell yet is chosen first and added.
 */
export function PriceLineModal({
  priceListId,
  line,
  listed,
  onClose,
  onSaved,
}: {
  priceListId: number;
  line: PriceLine | null;
  /** The products the list already sells: not offered when adding one. */
  listed: ReadonlySet<number>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [productId, setProductId] = useState<string | null>(line ? String(line.productId) : null);
  const [tried, setTried] = useState(false);
  const [price, setPrice] = useState(line ? centsToEuros(line.unitPriceCents) : '');
  const [tiers, setTiers] = useState<TierText[]>(
    (line?.tiers ?? []).map((x) => ({ minQuantity: String(x.minQuantity), price: centsToEuros(x.unitPriceCents) })),
  );
  const form = useSubmit(
    () =>
      api.put<PriceListLine>(`/api/price-lists/${priceListId}/items/${productId}`, {
        unitPriceCents: eurosToCents(price) ?? price,
        tiers: tiers.map((x) => ({
          minQuantity: parseInteger(x.minQuantity) ?? x.minQuantity,
          unitPriceCents: eurosToCents(x.price) ?? x.price,
        })),
      }),
    onSaved,
  );
  return (
    <Modal opened onClose={onClose} title={line ? `${line.productCode} — ${line.productName}` : t('priceLists.addTitle')}>
      <form
        onSubmit={(e) => {
          // A product must be chosen before anything goes to the server (its id is in the address).
          setTried(true);
          if (productId === null) e.preventDefault();
          else form.handleSubmit(e);
        }}
        noValidate
        data-testid="price-line-form"
      >
        <Stack gap="sm">
          <ErrorAlert error={form.generalError} />
          {!line && (
            <Select
              label={t('priceLists.product')}
              searchable
              required
              value={productId}
              onChange={setProductId}
              error={tried && productId === null ? t('fieldErrors.required') : undefined}
              data={catalogue.products
                .filter((p) => !listed.has(p.id))
                .map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
              data-autofocus
              data-testid="price-line-product"
            />
          )}
          <TextInput
            label={t('priceLists.unitPrice')}
            description={t('priceLists.unitPriceHint')}
            rightSection="€"
            value={price}
            error={form.errors.unitPriceCents}
            onChange={(e) => setPrice(e.currentTarget.value)}
            data-autofocus={line ? true : undefined}
            data-testid="price-line-price"
          />
          <Text size="sm" fw={500}>
            {t('priceLists.tiers')}
          </Text>
          <StepList
            steps={tiers}
            onChange={setTiers}
            empty={{ minQuantity: '', price: '' }}
            removeLabel={t('priceLists.removeTier')}
            addLabel={t('priceLists.addTier')}
            fields={(x, i, set) => (
              <>
                <TextInput
                  w={140}
                  label={t('priceLists.fromQuantity')}
                  value={x.minQuantity}
                  error={form.errors[`tiers.${i}.minQuantity`]}
                  onChange={(e) => set({ minQuantity: e.currentTarget.value })}
                />
                <TextInput
                  w={140}
                  label={t('priceLists.unitPrice')}
                  rightSection="€"
                  value={x.price}
                  error={form.errors[`tiers.${i}.unitPriceCents`]}
                  onChange={(e) => set({ price: e.currentTarget.value })}
                />
              </>
            )}
          />
          <FormActions busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
