import { Loader, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import { TYPOLOGIES, type Typology } from '../../../core/customers/customer.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormPage } from '../shared/FormPage.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import type { Mechanism, PromotionView } from './types.ts';

type Values = {
  code: string;
  name: string;
  pitchFr: string;
  pitchEn: string;
  from: string;
  to: string;
  typologies: string[];
  productIds: string[];
  kind: Mechanism['kind'];
  discountPct: number | string;
  minQuantityPerLine: number | string;
  minPalletsPerLine: number | string;
  buy: number | string;
  free: number | string;
  forcedMinQuantity: number | string;
};

const toForm = (p: PromotionView | undefined): Values => {
  const m = p?.mechanism;
  return {
    code: p?.code ?? '',
    name: p?.name ?? '',
    pitchFr: p?.pitchFr ?? '',
    pitchEn: p?.pitchEn ?? '',
    from: p?.from ?? '',
    to: p?.to ?? '',
    typologies: [...(p?.typologies ?? [])],
    productIds: (p?.productIds ?? []).map(String),
    kind: m?.kind ?? 'percent',
    discountPct: m?.kind === 'percent' ? m.discountBp / 100 : '',
    minQuantityPerLine: m?.kind === 'percent' ? m.minQuantityPerLine : '',
    minPalletsPerLine: m?.kind === 'percent' ? (m.minPalletsPerLine ?? '') : '',
    buy: m?.kind === 'free-goods' ? m.buy : '',
    free: m?.kind === 'free-goods' ? m.free : '',
    forcedMinQuantity: m?.kind === 'tier' ? m.forcedMinQuantity : '',
  };
};

const n = (v: number | string) => (v === '' ? undefined : Number(v));

function body(v: Values, customerIds: readonly number[] | null) {
  const mechanism =
    v.kind === 'percent'
      ? {
          kind: v.kind,
          discountBp: v.discountPct === '' ? undefined : Math.round(Number(v.discountPct) * 100),
          minQuantityPerLine: n(v.minQuantityPerLine),
          minPalletsPerLine: n(v.minPalletsPerLine),
        }
      : v.kind === 'free-goods'
        ? { kind: v.kind, buy: n(v.buy), free: n(v.free) }
        : { kind: v.kind, forcedMinQuantity: n(v.forcedMinQuantity) };
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    pitchFr: v.pitchFr.trim(),
    pitchEn: v.pitchEn.trim() || null,
    from: v.from,
    to: v.to,
    customerIds,
    typologies: v.typologies.length ? (v.typologies as Typology[]) : null,
    productIds: v.productIds.map(Number),
    mechanism,
  };
}

/** A promotion: who, when, on what, how much, and the pitch the assistant reads. Managers and admins edit. */
export function PromotionFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useQuery({
    queryKey: ['promotions', id],
    queryFn: () => api.get<PromotionView>(`/api/promotions/${id}`),
    enabled: id !== null,
  });
  const catalogue = useCatalogue();
  const [values, setValues] = useState<Values>(() => toForm(undefined));
  useEffect(() => {
    if (existing.data) setValues(toForm(existing.data));
  }, [existing.data]);
  const form = useSubmit(
    () => {
      const payload = body(values, existing.data?.customerIds ?? null);
      return id === null ? api.post<PromotionView>('/api/promotions', payload) : api.put<PromotionView>(`/api/promotions/${id}`, payload);
    },
    () => {
      void queryClient.invalidateQueries({ queryKey: ['promotions'] });
      void navigate('/terms/promotions');
    },
  );
  if (!can(CUSTOMER_EDITORS)) return <ErrorAlert error={new Error()} title={t('errors.forbidden')} />;
  if (id !== null && existing.isPending) return <Loader />;

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((s) => ({ ...s, [key]: value }));
  const text = (key: 'code' | 'name' | 'from' | 'to', required = true) => ({
    label: t(`promotions.${key}`),
    value: values[key],
    required,
    error: form.errors[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
  });
  const num = (
    key: 'discountPct' | 'minQuantityPerLine' | 'minPalletsPerLine' | 'buy' | 'free' | 'forcedMinQuantity',
    errorKey: string,
    suffix?: string,
  ) => (
    <NumberInput
      label={t(`promotions.${key}`)}
      value={values[key]}
      onChange={set(key)}
      min={0}
      decimalScale={2}
      suffix={suffix}
      error={form.errors[`mechanism.${errorKey}`]}
    />
  );

  return (
    <FormPage
      title={id === null ? t('promotions.new') : t('promotions.editTitle', { code: existing.data?.code })}
      busy={form.busy}
      generalError={form.generalError}
      saveTestId="promotion-save"
      onSubmit={form.handleSubmit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput {...text('code')} autoFocus />
        <TextInput {...text('name')} />
        <TextInput {...text('from')} placeholder="AAAA-MM-JJ" />
        <TextInput {...text('to')} placeholder="AAAA-MM-JJ" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
        <MultiSelect
          label={t('promotions.typologies')}
          description={t('promotions.typologiesHint')}
          value={values.typologies}
          onChange={set('typologies')}
          error={form.errors.typologies}
          data={TYPOLOGIES.map((x) => ({ value: x, label: t(`typologies.${x}`) }))}
        />
        <MultiSelect
          label={t('promotions.products')}
          searchable
          required
          value={values.productIds}
          onChange={set('productIds')}
          error={form.errors.productIds ?? Object.entries(form.errors).find(([k]) => k.startsWith('productIds.'))?.[1]}
          data={catalogue.products.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" mt="sm">
        <Select
          label={t('promotions.mechanism')}
          allowDeselect={false}
          value={values.kind}
          onChange={(v) => v && set('kind')(v as Mechanism['kind'])}
          data={(['percent', 'free-goods', 'tier'] as const).map((k) => ({ value: k, label: t(`promotions.kinds.${k}`) }))}
        />
        {values.kind === 'percent' && (
          <>
            {num('discountPct', 'discountBp', ' %')}
            {num('minQuantityPerLine', 'minQuantityPerLine')}
            {num('minPalletsPerLine', 'minPalletsPerLine')}
          </>
        )}
        {values.kind === 'free-goods' && (
          <>
            {num('buy', 'buy')}
            {num('free', 'free')}
          </>
        )}
        {values.kind === 'tier' && num('forcedMinQuantity', 'forcedMinQuantity')}
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('promotions.pitchFr')}
        required
        autosize
        minRows={2}
        value={values.pitchFr}
        onChange={(e) => set('pitchFr')(e.currentTarget.value)}
        error={form.errors.pitchFr}
      />
      <Textarea
        mt="sm"
        label={t('promotions.pitchEn')}
        autosize
        minRows={2}
        value={values.pitchEn}
        onChange={(e) => set('pitchEn')(e.currentTarget.value)}
        error={form.errors.pitchEn}
      />
    </FormPage>
  );
}
