import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconMessageExclamation, IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CUSTOMER_EDITORS, ORDER_DESK } from '../../../core/auth/roles.ts';
import { paymentTermsText } from '../../../core/customers/payment-terms.ts';
import { useAuth } from '../app/auth.tsx';
import { CallRhythmSection } from '../calls/CallRhythmSection.tsx';
import { PendingGestures } from '../complaints/PendingGestures.tsx';
import { InboundCallPanel } from '../calls/InboundCallPanel.tsx';
import { CustomerStockSection } from '../customer-stock/CustomerStockSection.tsx';
import { PenaltyClauseSection } from '../penalties/PenaltyClauseSection.tsx';
import { CustomerPricesSection } from '../pricing/CustomerPricesSection.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';
import { AssortmentSection } from '../terms/AssortmentSection.tsx';
import { CustomerTermsSection } from '../terms/CustomerTermsSection.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { DeliveryPointsSection } from './DeliveryPointsSection.tsx';
import { ProductCodesSection } from './ProductCodesSection.tsx';
import { SupplySettingsSection } from './SupplySettingsSection.tsx';
import { CustomerStorySection } from '../story/CustomerStorySection.tsx';
import { PinnedNotes } from '../story/PinnedNotes.tsx';
import { CustomerBuyersSection } from '../users/CustomerBuyersSection.tsx';
import { useCustomer } from './use-customer.ts';

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormat();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  // An inbound call opened the page (the top bar's "Appel entrant"): it stays on until she ends it.
  const [params, setParams] = useSearchParams();
  const inboundCallAt = params.get('call') === 'in' ? params.get('startedAt') : null;
  if (customer.isPending) return <Loader />;
  if (customer.error) return <ErrorAlert error={customer.error} />;
  const c = customer.data;
  const editable = can(CUSTOMER_EDITORS);

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h3">
            {c.name}
          </Title>
          <Badge variant="light">{t(`typologies.${c.typology}`)}</Badge>
          <Text c="dimmed" ff="monospace">
            {c.code}
          </Text>
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/orders?customerId=${c.id}`} variant="default">
            {t('customers.orders')}
          </Button>
          {editable && (
            <Button component={Link} to={`/customers/${c.id}/edit`} leftSection={<IconEdit size={14} />} data-testid="customer-edit">
              {t('common.edit')}
            </Button>
          )}
          {can(ORDER_DESK) && (
            <Button
              component={Link}
              to={`/complaints/new?customerId=${c.id}`}
              variant="default"
              leftSection={<IconMessageExclamation size={14} />}
              data-testid="customer-complain"
            >
              {t('customers.complain')}
            </Button>
          )}
          <Button component={Link} to={`/customers/${c.id}/satisfaction`} variant="default" data-testid="customer-satisfaction">
            {t('satisfaction.title')}
          </Button>
          {can(ORDER_DESK) && (
            <Button component={Link} to={`/orders/new?customerId=${c.id}`} variant="light" leftSection={<IconPencilPlus size={14} />}>
              {t('nav.orderEntry')}
            </Button>
          )}
        </Group>
      </Group>
      {inboundCallAt && can(ORDER_DESK) && (
        <InboundCallPanel key={inboundCallAt} customer={c} startedAt={inboundCallAt} onEnded={() => setParams({}, { replace: true })} />
      )}
      <PinnedNotes customerId={c.id} />
      <PendingGestures customerId={c.id} />
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }} spacing="sm">
          <Field label={t('customers.address')}>
            {c.street}, {c.postcode} {c.city} ({c.country})
          </Field>
          <Field label={t('customers.phone')}>{c.phone && <Anchor href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Anchor>}</Field>
          <Field label={t('customers.email')}>{c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}</Field>
          <Field label={t('customers.siret')}>{c.siret}</Field>
          <Field label={t('customers.vatNumber')}>{c.vatNumber}</Field>
          <Field label={t('customers.gln')}>{c.gln}</Field>
          <Field label={t('customers.preferredChannel')}>{t(`channels.${c.preferredChannel}`)}</Field>
          <Field label={t('customers.paymentTerms')}>{paymentTermsText(c.paymentTerms, lang)}</Field>
          <Field label={t('customers.creditLimit')}>{fmt.money(c.creditLimitCents)}</Field>
        </SimpleGrid>
      </Paper>
      <CustomerStorySection customerId={c.id} />
      <DeliveryPointsSection customerId={c.id} points={c.deliveryPoints} editable={editable} />
      <ContactsSection customerId={c.id} contacts={c.contacts} editable={editable} />
      <CallRhythmSection customerId={c.id} contacts={c.contacts} editable={can(ORDER_DESK)} />
      <SupplySettingsSection customerId={c.id} editable={editable} />
      <CustomerStockSection customerId={c.id} />
      <CustomerTermsSection customerId={c.id} editable={editable} />
      <AssortmentSection customerId={c.id} editable={editable} />
      <CustomerPricesSection customerId={c.id} editable={editable} />
      <ProductCodesSection customerId={c.id} editable={editable} />
      <PenaltyClauseSection customerId={c.id} editable={editable} />
      {editable && <CustomerBuyersSection customerId={c.id} points={c.deliveryPoints} />}
    </Stack>
  );
}
