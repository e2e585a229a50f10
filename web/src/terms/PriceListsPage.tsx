import { ActionIcon, Anchor, Button, Grid, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import type { PriceListDetailSchema, PriceListSummary } from '../../../core/catalog/catalog.schemas.ts';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import { type PriceLine, priceLines } from '../../../core/pricing/price-list.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { DeleteButton } from '../shared/DeleteButton.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SearchInput } from '../shared/SearchInput.tsx';
import { useDelete } from '../shared/use-delete.ts';
import { useFormat } from '../shared/use-format.ts';
import { PriceLineModal } from './PriceLineModal.tsx';
import { OrderTiersPanel, PriceListHistory } from './PriceListSidePanels.tsx';
import { TermsTabs } from './TermsTabs.tsx';

type PriceListDetail = Static<typeof PriceListDetailSchema>;

/**
 * The price lists: one list's lines (a product's price from one unit and its quantity tiers), searchable by product,
 * its discount on the whole order and who changed what. Managers and admins change a line, end it or change the
 * discount on the order; assistants read.
 */
export function PriceListsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const editable = can(CUSTOMER_EDITORS);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  // The line in the modal: one of the list's, or 'new' for a product the list does not sell yet.
  const [editing, setEditing] = useState<PriceLine | 'new' | null>(null);
  const lists = useQuery({ queryKey: ['price-lists'], queryFn: () => api.get<PriceListSummary[]>('/api/price-lists') });
  const listId = Number(params.get('list')) || lists.data?.[0]?.id;
  const detail = useQuery({
    queryKey: ['price-lists', listId],
    queryFn: () => api.get<PriceListDetail>(`/api/price-lists/${listId}`),
    enabled: listId !== undefined,
  });
  const history = useQuery({
    queryKey: ['price-lists', listId, 'history'],
    queryFn: () => api.get<AuditEvent[]>(`/api/price-lists/${listId}/history`),
    enabled: listId !== undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['price-lists', listId] });
  const deletion = useDelete(refresh);
  // The newest change of each product's line, for the "changed by … on …" under its price (history is newest first).
  const lastChange = new Map<string, AuditEvent>();
  for (const e of history.data ?? []) {
    const code = ((e.after ?? e.before) as { productCode?: string } | null)?.productCode;
    if (code && !lastChange.has(code)) lastChange.set(code, e);
  }
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const allLines = priceLines(detail.data?.items ?? []);
  const lines = allLines.filter((l) => words.every((w) => `${l.productCode} ${l.productName}`.toLowerCase().includes(w)));

  return (
    <>
      <PageTitle title={t('terms.title')} />
      <TermsTabs />
      <ErrorAlert error={lists.error ?? detail.error ?? deletion.error} />
      <Group align="flex-end" mb="sm">
        <Select
          w={340}
          label={t('priceLists.list')}
          allowDeselect={false}
          data={(lists.data ?? []).map((l) => ({ value: String(l.id), label: `${l.code} — ${l.name}` }))}
          value={listId === undefined ? null : String(listId)}
          onChange={(v) => v && setParams({ list: v })}
          data-testid="price-list-select"
        />
        <SearchInput
          label={t('priceLists.search')}
          placeholder={t('priceLists.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          testId="price-list-search"
          autoFocus={false}
        />
        {editable && listId !== undefined && (
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="price-line-add">
            {t('priceLists.add')}
          </Button>
        )}
        {listId !== undefined && (
          <Anchor href={`/api/price-lists/${listId}/items.xlsx`} size="sm" mb={8} data-testid="price-list-export">
            <IconDownload size={14} /> {t('priceLists.export')}
          </Anchor>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {detail.isPending ? (
            <Loader />
          ) : (
            <Paper withBorder>
              <Table verticalSpacing="xs" data-testid="price-list-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('priceLists.code')}</Table.Th>
                    <Table.Th>{t('priceLists.product')}</Table.Th>
                    <Table.Th ta="right">{t('priceLists.unitPrice')}</Table.Th>
                    <Table.Th>{t('priceLists.tiers')}</Table.Th>
                    {editable && <Table.Th w={80} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((l) => {
                    const change = lastChange.get(l.productCode);
                    return (
                      <Table.Tr key={l.productId} data-product={l.productCode}>
                        <Table.Td>
                          <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                            {l.productCode}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{l.productName}</Text>
                          {change && (
                            <Text size="xs" c="dimmed" data-testid="line-changed">
                              {t('priceLists.changedBy', { user: change.userName ?? '—', when: fmt.dateTime(change.at) })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" data-testid="line-price">
                          {fmt.money(l.unitPriceCents)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {l.tiers
                              .map((x) =>
                                t('priceLists.tierText', {
                                  from: t('priceLists.from', { count: x.minQuantity }),
                                  price: fmt.money(x.unitPriceCents),
                                }),
                              )
                              .join(' · ') || '—'}
                          </Text>
                        </Table.Td>
                        {editable && (
                          <Table.Td>
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              <ActionIcon
                                variant="subtle"
                                size="sm"
                                aria-label={t('priceLists.edit', { code: l.productCode })}
                                onClick={() => setEditing(l)}
                                data-testid="line-edit"
                              >
                                <IconPencil size={14} />
                              </ActionIcon>
                              <DeleteButton onClick={() => void deletion.remove(`/api/price-lists/${listId}/items/${l.productId}`)} />
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {lines.length === 0 && (
                <Text size="sm" c="dimmed" p="sm">
                  {t('priceLists.none')}
                </Text>
              )}
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {listId !== undefined && (
            <Stack gap="sm">
              <OrderTiersPanel priceListId={listId} editable={editable} />
              <PriceListHistory priceListId={listId} />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
      {editing && listId !== undefined && (
        <PriceLineModal
          priceListId={listId}
          line={editing === 'new' ? null : editing}
          listed={new Set(allLines.map((l) => l.productId))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
    </>
  );
}
