import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import { type AssortmentState, assortmentChange, listedSince } from '../../../core/terms/assortment-history.ts';
import type { AssortmentSchema } from '../../../core/terms/terms.schemas.ts';
import { api } from '../api/client.ts';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { AuditHistoryTable } from '../shared/AuditHistoryTable.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useDelete } from '../shared/use-delete.ts';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';

type Assortment = Static<typeof AssortmentSchema>;

/**
 * The customer's agreed assortment (référencement): the products he may order when it is restricted, since when and
 * by whom each is listed, who changed it. Managers and admins list a product, take one out and restrict or open the
 * assortment; assistants read it and export it.
 */
export function AssortmentSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const [search, setSearch] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const assortment = useQuery({
    queryKey: ['customers', customerId, 'assortment'],
    queryFn: () => api.get<Assortment>(`/api/customers/${customerId}/assortment`),
  });
  const history = useQuery({
    queryKey: ['customers', customerId, 'assortment', 'history'],
    queryFn: () => api.get<AuditEvent[]>(`/api/customers/${customerId}/assortment/history`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['customers', customerId, 'assortment'] });
  const add = useSubmit(
    () => api.put<Assortment>(`/api/customers/${customerId}/assortment/${productId}`, {}),
    () => {
      setProductId(null);
      void refresh();
    },
  );
  const removal = useDelete(refresh);
  const restriction = useSubmit(
    () =>
      api.put<Assortment>(`/api/customers/${customerId}/assortment`, {
        restricted: !assortment.data?.restricted,
        productIds: (assortment.data?.products ?? []).map((p) => p.productId),
      }),
    () => void refresh(),
  );
  const data = assortment.data;
  const listed = new Set((data?.products ?? []).map((p) => p.productId));
  // History is newest first; since when each product is listed reads it oldest first.
  const since = listedSince([...(history.data ?? [])].reverse());
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (data?.products ?? []).filter((p) => words.every((w) => `${p.productCode} ${p.productName}`.toLowerCase().includes(w)));
  const code = (id: number) => catalogue.byId.get(id)?.code ?? `#${id}`;
  const describeChange = (before: AssortmentState | null, after: AssortmentState | null) => {
    const { added, removed } = assortmentChange(before, after);
    return [
      added.length ? t('assortment.added', { codes: added.map(code).join(', ') }) : '',
      removed.length ? t('assortment.removed', { codes: removed.map(code).join(', ') }) : '',
      before && after && before.restricted !== after.restricted
        ? t(after.restricted ? 'assortment.nowRestricted' : 'assortment.nowOpen')
        : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };

  return (
    <Paper withBorder p="sm" data-testid="assortment">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>{t('assortment.title')}</Title>
          {data && (
            <Badge variant="light" color={data.restricted ? 'orange' : 'gray'} data-testid="assortment-state">
              {t(data.restricted ? 'assortment.restricted' : 'assortment.open')}
            </Badge>
          )}
        </Group>
        <Anchor href={`/api/customers/${customerId}/assortment.xlsx`} size="sm" data-testid="assortment-export">
          <IconDownload size={14} /> {t('assortment.export')}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t(data?.restricted ? 'assortment.restrictedHint' : 'assortment.openHint')}
      </Text>
      <ErrorAlert error={assortment.error ?? removal.error ?? restriction.error} />
      <Group gap="md" align="flex-end" mb="xs">
        <TextInput
          w={280}
          label={t('assortment.search')}
          placeholder={t('priceLists.searchPlaceholder')}
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="assortment-search"
        />
        {editable && data && (
          <Switch
            mb={6}
            label={t('assortment.restrictSwitch')}
            checked={data.restricted}
            disabled={restriction.busy}
            onChange={() => void restriction.submit()}
            data-testid="assortment-restricted"
          />
        )}
      </Group>
      <Table data-testid="assortment-products">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('priceLists.code')}</Table.Th>
            <Table.Th>{t('priceLists.product')}</Table.Th>
            <Table.Th>{t('assortment.since')}</Table.Th>
            {editable && <Table.Th w={50} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((p) => {
            const listing = since.get(p.productId);
            return (
              <Table.Tr key={p.productId} data-product={p.productCode}>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {p.productCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.productName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" data-testid="assortment-since">
                    {listing ? t('assortment.listedBy', { user: listing.userName ?? '—', when: fmt.dateTime(listing.at) }) : '—'}
                  </Text>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={t('assortment.remove', { code: p.productCode })}
                      onClick={() => void removal.remove(`/api/customers/${customerId}/assortment/${p.productId}`)}
                      data-testid="assortment-remove"
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {data && shown.length === 0 && (
        <Text size="sm" c="dimmed" p="xs">
          {t(data.products.length ? 'priceLists.none' : 'assortment.none')}
        </Text>
      )}
      {editable && (
        <form onSubmit={add.handleSubmit} noValidate data-testid="assortment-form">
          <Group gap="xs" align="flex-start" mt="xs">
            <Select
              w={420}
              label={t('assortment.addProduct')}
              searchable
              value={productId}
              onChange={setProductId}
              data={catalogue.products
                .filter((p) => !listed.has(p.id))
                .map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
              data-testid="assortment-product"
            />
            <Button
              type="submit"
              mt={25}
              loading={add.busy}
              disabled={productId === null}
              leftSection={<IconPlus size={14} />}
              data-testid="assortment-add"
            >
              {t('common.add')}
            </Button>
          </Group>
          <ErrorAlert error={add.generalError} />
        </form>
      )}
      {!!history.data?.length && (
        <>
          <Text size="sm" fw={500} mt="sm">
            {t('assortment.history')}
          </Text>
          <AuditHistoryTable<AssortmentState>
            events={history.data}
            change={describeChange}
            action={(a) => t(`assortment.actions.${a}`, { defaultValue: a })}
            limit={20}
            testId="assortment-history"
          />
        </>
      )}
    </Paper>
  );
}
