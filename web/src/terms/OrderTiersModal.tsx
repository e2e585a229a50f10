import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { familyName } from '../../../core/catalog/family-names.ts';
import type { OrderTiersSchema } from '../../../core/pricing/pricing.schemas.ts';
import { TIER_MEASURES, type TierMeasure } from '../../../core/pricing/tier-measures.ts';
import { api } from '../api/client.ts';
import { fieldErrors } from '../api/field-errors.ts';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { StepList } from '../shared/StepList.tsx';
import { bpToPercent, centsToEuros, eurosToCents, kilosToGrams, parseInteger, percentToBp } from '../shared/form-values.ts';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';
import { useSubmit } from '../shared/use-submit.ts';

type OrderTiers = Static<typeof OrderTiersSchema>;
type StepText = { min: string; rate: string };

/** A threshold as typed and back: weights in kilograms (kept in grams), values in euros (kept in cents). */
const thresholdOf = (measure: TierMeasure, text: string) =>
  measure === 'weight' ? kilosToGrams(text) : measure === 'value' ? eurosToCents(text) : parseInteger(text);
const thresholdText = (measure: TierMeasure, min: number) =>
  measure === 'weight' ? String(min / 1000).replace('.', ',') : measure === 'value' ? centsToEuros(min) : String(min);

/**
 * The list's discount on the whole order, edited by a manager or an admin: what it counts, its steps (from a
 * threshold, a rate in percent typed the French way) and the families it covers (none: all). What is not a number
 * is sent as typed, so the server names the step that is wrong; "remove" leaves the list without a discount.
 */
export function OrderTiersModal({
  priceListId,
  current,
  onClose,
  onSaved,
}: {
  priceListId: number;
  current: OrderTiers['orderDiscount'];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fmt = useFormat();
  const catalogue = useCatalogue();
  const [measure, setMeasure] = useState<TierMeasure>(current?.measure ?? 'pallets');
  const [steps, setSteps] = useState<StepText[]>(
    (current?.steps ?? [{ min: 0, discountBp: 0 }]).map((s) => ({
      min: thresholdText(current?.measure ?? 'pallets', s.min),
      rate: bpToPercent(s.discountBp),
    })),
  );
  const [families, setFamilies] = useState<string[]>(current?.families ?? []);
  const save = (orderDiscount: unknown) => api.put<OrderTiers>(`/api/price-lists/${priceListId}/order-tiers`, { orderDiscount });
  const form = useSubmit(
    () =>
      save({
        measure,
        steps: steps.map((s) => ({
          min: s.min.trim() === '' ? 0 : (thresholdOf(measure, s.min) ?? s.min),
          discountBp: s.rate.trim() === '' ? 0 : (percentToBp(s.rate) ?? s.rate),
        })),
        families: families.length ? families : null,
      }),
    onSaved,
  );
  const removal = useSubmit(() => save(null), onSaved);
  // A rate below the step before is said in percent (the server's limit is in basis points).
  const coded = fieldErrors(form.error);
  const rateError = (i: number) => {
    const e = coded[`orderDiscount.steps.${i}.discountBp`];
    return e?.code === 'out-of-range' && typeof e.params?.limit === 'number'
      ? t('priceLists.stepFalls', { rate: fmt.rate(e.params.limit) })
      : form.errors[`orderDiscount.steps.${i}.discountBp`];
  };
  const familyCodes = [...new Set([...catalogue.products.map((p) => p.family), ...families])].sort();
  const unit = measure === 'weight' ? 'kg' : measure === 'value' ? '€' : undefined;
  return (
    <Modal opened onClose={onClose} title={t('priceLists.orderTiers')} size="lg">
      <form onSubmit={form.handleSubmit} noValidate data-testid="order-tiers-form">
        <Stack gap="sm">
          <ErrorAlert error={form.generalError ?? removal.error} />
          <Select
            label={t('priceLists.measureLabel')}
            allowDeselect={false}
            value={measure}
            onChange={(v) => v && setMeasure(v as TierMeasure)}
            data={TIER_MEASURES.map((m) => ({ value: m, label: t(`priceLists.measureName.${m}`) }))}
            error={form.errors['orderDiscount.measure']}
            data-testid="order-tiers-measure"
          />
          <Text size="sm" fw={500}>
            {t('priceLists.steps')}
          </Text>
          {form.errors['orderDiscount.steps'] && (
            <Text size="sm" c="red" role="alert">
              {form.errors['orderDiscount.steps']}
            </Text>
          )}
          <StepList
            steps={steps}
            onChange={setSteps}
            empty={{ min: '', rate: '' }}
            removeLabel={t('priceLists.removeStep')}
            addLabel={t('priceLists.addStep')}
            fields={(s, i, set) => (
              <>
                <TextInput
                  w={160}
                  label={t('priceLists.stepFrom')}
                  rightSection={unit}
                  value={s.min}
                  error={form.errors[`orderDiscount.steps.${i}.min`]}
                  onChange={(e) => set({ min: e.currentTarget.value })}
                  data-autofocus={i === 0 ? true : undefined}
                />
                <TextInput
                  w={140}
                  label={t('priceLists.stepRate')}
                  rightSection="%"
                  value={s.rate}
                  error={rateError(i)}
                  onChange={(e) => set({ rate: e.currentTarget.value })}
                />
              </>
            )}
          />
          <MultiSelect
            label={t('priceLists.familiesLabel')}
            description={t('priceLists.familiesHint')}
            value={families}
            onChange={setFamilies}
            data={familyCodes.map((f) => ({ value: f, label: familyName(f, language) }))}
            error={form.errors['orderDiscount.families']}
            clearable
          />
          <Group justify="space-between">
            {current ? (
              <Button variant="subtle" color="red" loading={removal.busy} onClick={() => void removal.submit()}>
                {t('priceLists.removeDiscount')}
              </Button>
            ) : (
              <span />
            )}
            <FormActions busy={form.busy} onCancel={onClose} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
