import { Loader, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import type { PriceListSummary } from '../../../core/catalog/catalog.schemas.ts';
import { CHANNELS, type CustomerDetail, TYPOLOGIES } from '../../../core/customers/customer.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { bindText } from '../shared/bind-text.ts';
import { FormPage } from '../shared/FormPage.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { customerBody, customerToForm, type CustomerFormValues, EMPTY_CUSTOMER } from './customer-form.ts';
import { useCustomer } from './use-customer.ts';

export function CustomerFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useCustomer(id);
  const priceLists = useQuery({ queryKey: ['price-lists'], queryFn: () => api.get<PriceListSummary[]>('/api/price-lists') });
  const [values, setValues] = useState<CustomerFormValues>(EMPTY_CUSTOMER);
  useEffect(() => {
    if (existing.data) setValues(customerToForm(existing.data));
  }, [existing.data]);

  const form = useSubmit(
    () =>
      id === null
        ? api.post<CustomerDetail>('/api/customers', customerBody(values))
        : api.put<CustomerDetail>(`/api/customers/${id}`, customerBody(values)),
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void navigate(`/customers/${saved.id}`);
    },
  );

  if (!can(CUSTOMER_EDITORS)) return <ErrorAlert error={new Error()} title={t('errors.forbidden')} />;
  if (id !== null && existing.isPending) return <Loader />;

  const field = bindText(values, setValues, form.errors, (name) => t(`customers.${name}`));

  return (
    <FormPage
      title={id === null ? t('customers.new') : t('customers.editTitle', { name: existing.data?.name })}
      busy={form.busy}
      generalError={form.generalError}
      saveTestId="customer-save"
      onSubmit={form.handleSubmit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput {...field('code', { required: true })} autoFocus />
        <TextInput {...field('name', { required: true })} />
        <Select
          label={t('customers.typology')}
          value={values.typology}
          error={form.errors.typology}
          allowDeselect={false}
          data={TYPOLOGIES.map((v) => ({ value: v, label: t(`typologies.${v}`) }))}
          onChange={(v) => v && setValues((s) => ({ ...s, typology: v as CustomerFormValues['typology'] }))}
        />
        <TextInput {...field('siret')} />
        <TextInput {...field('vatNumber')} />
        <TextInput {...field('gln')} />
        <TextInput {...field('street', { required: true })} />
        <TextInput {...field('postcode', { required: true })} />
        <TextInput {...field('city', { required: true })} />
        <TextInput {...field('country')} />
        <TextInput {...field('phone')} />
        <TextInput {...field('email')} />
        <Select
          label={t('customers.preferredChannel')}
          value={values.preferredChannel}
          error={form.errors.preferredChannel}
          allowDeselect={false}
          data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          onChange={(v) => v && setValues((s) => ({ ...s, preferredChannel: v as CustomerFormValues['preferredChannel'] }))}
        />
        <TextInput {...field('paymentTerms', { required: true })} />
        <TextInput {...field('creditLimit', { errorKey: 'creditLimitCents' })} rightSection="€" />
        <Select
          label={t('customers.priceListId')}
          clearable
          value={values.priceListId || null}
          error={form.errors.priceListId}
          data={(priceLists.data ?? []).map((l) => ({ value: String(l.id), label: `${l.name} (${l.code})` }))}
          onChange={(v) => setValues((s) => ({ ...s, priceListId: v ?? '' }))}
        />
      </SimpleGrid>
    </FormPage>
  );
}
