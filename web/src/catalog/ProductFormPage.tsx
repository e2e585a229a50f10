import { Loader, MultiSelect, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import { PRODUCT_STATUSES, type Product, SALE_UNITS, TEMPERATURE_CLASSES, VAT_RATES_BP } from '../../../core/catalog/product.ts';
import { api } from '../api/client.ts';
import type { ProductDetail } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { bindText } from '../shared/bind-text.ts';
import { FormPage } from '../shared/FormPage.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { productBody, type ProductFormValues, productToForm } from './product-form.ts';
import { useCatalogue } from './use-catalogue.ts';

type TextField = Exclude<keyof ProductFormValues, 'saleUnit' | 'temperatureClass' | 'status' | 'vatRateBp' | 'substituteIds'>;

export function ProductFormPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useQuery({
    queryKey: ['products', id],
    queryFn: () => api.get<ProductDetail>(`/api/products/${id}`),
    enabled: id !== null,
  });
  const catalogue = useCatalogue();
  const [values, setValues] = useState<ProductFormValues>(() => productToForm(null));
  useEffect(() => {
    if (existing.data) setValues(productToForm(existing.data));
  }, [existing.data]);

  const form = useSubmit(
    () =>
      id === null ? api.post<Product>('/api/products', productBody(values)) : api.put<Product>(`/api/products/${id}`, productBody(values)),
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      void navigate(`/products/${saved.id}`);
    },
  );

  if (!can(MASTER_DATA_ADMINS)) return <ErrorAlert error={new Error()} title={t('errors.forbidden')} />;
  if (id !== null && existing.isPending) return <Loader />;

  const bound = bindText(values, setValues, form.errors, (name) => t(`products.form.${name}`));
  const text = (name: TextField, required = false) => bound(name, { required });
  const choice = <K extends 'saleUnit' | 'temperatureClass' | 'status' | 'vatRateBp'>(
    name: K,
    data: { value: string; label: string }[],
  ) => ({
    label: t(`products.form.${name}`),
    value: values[name] as string,
    data,
    allowDeselect: false,
    error: form.errors[name],
    onChange: (v: string | null) => v && setValues((s) => ({ ...s, [name]: v })),
  });

  return (
    <FormPage
      title={id === null ? t('products.new') : t('products.editTitle', { code: existing.data?.code })}
      busy={form.busy}
      generalError={form.generalError}
      saveTestId="product-save"
      onSubmit={form.handleSubmit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput {...text('code', true)} autoFocus />
        <TextInput {...text('name', true)} />
        <TextInput {...text('family', true)} />
        <TextInput {...text('gtin')} />
        <TextInput {...text('caseGtin')} />
        <Select
          {...choice(
            'saleUnit',
            SALE_UNITS.map((u) => ({ value: u, label: t(`units.${u}`, { count: 1 }) })),
          )}
        />
        <TextInput {...text('netWeightG', true)} rightSection="g" />
        <TextInput {...text('grossWeightG', true)} rightSection="g" />
        <Select
          {...choice(
            'vatRateBp',
            VAT_RATES_BP.map((r) => ({ value: String(r), label: fmt.rate(r) })),
          )}
        />
      </SimpleGrid>
      <Title order={6} mt="md" mb="xs">
        {t('products.packaging')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput {...text('unitsPerCarton', true)} />
        <TextInput {...text('cartonsPerLayer')} description={t('products.form.bulkHint')} />
        <TextInput {...text('layersPerPallet')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="md">
        <Select
          {...choice(
            'temperatureClass',
            TEMPERATURE_CLASSES.map((c) => ({ value: c, label: t(`temperature.${c}`) })),
          )}
        />
        <TextInput {...text('shelfLifeDays')} />
        <Select
          {...choice(
            'status',
            PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`products.status.${s}`) })),
          )}
        />
      </SimpleGrid>
      <MultiSelect
        mt="md"
        size="xs"
        searchable
        label={t('products.substitutes')}
        value={values.substituteIds}
        error={form.errors.substituteIds}
        data={catalogue.products.filter((p) => p.id !== id).map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
        onChange={(ids) => setValues((v) => ({ ...v, substituteIds: ids }))}
      />
    </FormPage>
  );
}
