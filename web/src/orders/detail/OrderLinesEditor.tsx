import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../core/catalog/product.ts';
import { api, ApiError } from '../../api/client.ts';
import type { ChangeRequest, OrderDetail } from '../../api/types.ts';
import { useCatalogue } from '../../catalog/use-catalogue.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { DeliveryDateField } from '../entry/DeliveryDateField.tsx';
import { ProductField } from '../entry/ProductField.tsx';
import { useOrderContext } from '../entry/use-entry-data.ts';
import { usualCounts } from '../entry/entry-rules.ts';
import { type ChangeForm, changeBody, emptyAdded, type AddedLine } from './order-change-form.ts';

type Focus = { row: number; field: 'product' | 'quantity' } | 'save' | null;

/**
 * The order's lines changed on its own page, keyboard first: every quantity is a cell (0 removes the line), new lines
 * are typed below as at entry (code, Enter, quantity, Enter), the date and the note above; Ctrl+Enter sends it
 * (`PATCH /api/orders/{id}`), Escape leaves without change. The rules run again on the server: a change that needs a
 * manager comes back with its findings and nothing is changed.
 */
export function OrderLinesEditor({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const context = useOrderContext(order.customerId, order.id);
  const queryClient = useQueryClient();
  const live = useMemo(() => order.lines.filter((l) => l.status !== 'cancelled'), [order.lines]);
  const keyCounter = useRef(1);
  const [form, setForm] = useState<ChangeForm>(() => ({
    quantities: Object.fromEntries(live.map((l) => [l.id, String(l.quantity)])),
    added: [emptyAdded(keyCounter.current)],
    requestedDate: order.requestedDate ?? '',
    note: order.note ?? '',
  }));
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const saveButton = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<Focus>(live.length ? { row: 0, field: 'quantity' } : { row: 0, field: 'product' });
  const rows = live.length + form.added.length;
  useLayoutEffect(() => {
    if (focus === null) return;
    if (focus === 'save') saveButton.current?.focus();
    else {
      const row = Math.max(0, Math.min(focus.row, rows - 1));
      const input = inputs.current.get(`${row}:${row < live.length ? 'quantity' : focus.field}`);
      input?.focus();
      input?.select();
    }
    setFocus(null);
  }, [focus, rows, live.length]);

  const save = useMutation({
    mutationFn: () => api.patch<OrderDetail>(`/api/orders/${order.id}`, changeBody(order, live, form)),
    onSuccess: (updated) => {
      queryClient.setQueryData(['orders', order.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['orders', order.id] });
      onClose();
    },
  });
  const body = changeBody(order, live, form);
  const nothing = Object.keys(body).length === 0;
  // A confirmed order's change that needs a manager (422 with findings) can wait for one: the same body, submitted.
  const needsManager =
    order.status !== 'draft' && save.error instanceof ApiError && save.error.status === 422 && Array.isArray(save.error.body.findings);
  const submit = useMutation({
    mutationFn: () => api.post<ChangeRequest>(`/api/orders/${order.id}/change-requests`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['orders', order.id] });
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      onClose();
    },
  });
  const submitButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (needsManager) submitButton.current?.focus(); // Enter submits it: the keyboard goes on where it was refused
  }, [needsManager]);

  // Ctrl+Enter sends, Escape leaves: from any field of the editor.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      if (!nothing && !save.isPending) save.mutate();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  useEffect(() => () => save.reset(), []); // eslint-disable-line react-hooks/exhaustive-deps -- on leaving

  const setAdded = (key: number, patch: Partial<AddedLine>) =>
    setForm((f) => ({ ...f, added: f.added.map((a) => (a.key === key ? { ...a, ...patch } : a)) }));

  const onQuantityKey = (row: number, event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setFocus({ row: row + (event.key === 'ArrowDown' ? 1 : -1), field: 'quantity' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // After the last new line with a product: a fresh one to type the next product in.
      if (row === rows - 1 && form.added.at(-1)?.productId != null)
        setForm((f) => ({ ...f, added: [...f.added, emptyAdded(++keyCounter.current)] }));
      setFocus({ row: row + 1, field: 'product' });
    }
  };
  const register = (row: number, field: 'product' | 'quantity') => (input: HTMLInputElement | null) => {
    if (input) inputs.current.set(`${row}:${field}`, input);
    else inputs.current.delete(`${row}:${field}`);
  };
  const usual = useMemo(() => usualCounts(context.data?.usualProductIds), [context.data]);

  return (
    <Stack gap="xs" onKeyDown={onKeyDown} data-testid="order-lines-editor">
      <Group gap="sm" align="flex-end">
        <div style={{ width: 220 }}>
          <DeliveryDateField
            value={form.requestedDate || null}
            schedule={context.data?.customer.deliveryPoints.find((p) => p.id === order.deliveryPointId)}
            onChange={(requestedDate) => setForm((f) => ({ ...f, requestedDate }))}
          />
        </div>
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t('detail.note')}
          data-testid="order-edit-note"
          value={form.note}
          onChange={(e) => setForm((f) => ({ ...f, note: e.currentTarget.value }))}
        />
      </Group>
      <Table layout="fixed" data-testid="order-edit-lines">
        <Table.Thead style={{ whiteSpace: 'nowrap' }}>
          <Table.Tr>
            <Table.Th w={30}>#</Table.Th>
            <Table.Th w={190}>{t('detail.code')}</Table.Th>
            <Table.Th>{t('detail.designation')}</Table.Th>
            <Table.Th w={100} ta="right">
              {t('detail.quantity')}
            </Table.Th>
            <Table.Th w={90}>{t('detail.unit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {live.map((l, row) => {
            const removed = form.quantities[l.id]?.trim() === '0';
            return (
              <Table.Tr key={l.id} style={removed ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
                <Table.Td c="dimmed">{l.lineNo}</Table.Td>
                <Table.Td ff="monospace">{l.productCode}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {l.productName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    ref={register(row, 'quantity')}
                    size="xs"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-label={t('detail.editQuantity', { n: l.lineNo })}
                    data-testid={`order-edit-line-${l.lineNo}-quantity`}
                    styles={{ input: { textAlign: 'right' } }}
                    value={form.quantities[l.id] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setForm((f) => ({ ...f, quantities: { ...f.quantities, [l.id]: value } }));
                    }}
                    onKeyDown={(e) => onQuantityKey(row, e)}
                  />
                </Table.Td>
                <Table.Td>{removed ? t('detail.lineRemoved') : t(`units.${l.saleUnit}`, { count: l.quantity })}</Table.Td>
              </Table.Tr>
            );
          })}
          {form.added.map((a, k) => {
            const row = live.length + k;
            const product: Product | undefined = a.productId === null ? undefined : catalogue.byId.get(a.productId);
            const lineNo = Math.max(0, ...order.lines.map((l) => l.lineNo)) + k + 1;
            return (
              <Table.Tr key={a.key} data-testid={`order-edit-new-${k + 1}`}>
                <Table.Td c="dimmed">+</Table.Td>
                <Table.Td>
                  <ProductField
                    lineNo={lineNo}
                    query={a.query}
                    chosen={a.productId !== null}
                    disabled={false}
                    invalid={false}
                    products={catalogue.products}
                    customerCodes={context.data?.productCodes ?? []}
                    usual={usual}
                    loading={catalogue.loading || context.isFetching}
                    register={register(row, 'product')}
                    onQueryChange={(query) => setAdded(a.key, { query, productId: null })}
                    onTake={(p) => {
                      setAdded(a.key, { productId: p.id, query: p.code });
                      setFocus({ row, field: 'quantity' });
                    }}
                    onPending={() => undefined}
                    onAction={(action) => {
                      if (action.type === 'toQuantity') setFocus({ row, field: 'quantity' });
                      else if (action.type === 'toFooter') setFocus('save');
                      else if (action.type === 'line') setFocus({ row: row + action.delta, field: 'quantity' });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {product?.name ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    ref={register(row, 'quantity')}
                    size="xs"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-label={t('entry.quantityLine', { n: lineNo })}
                    data-testid={`order-line-${lineNo}-quantity`}
                    styles={{ input: { textAlign: 'right' } }}
                    value={a.quantity}
                    onChange={(e) => setAdded(a.key, { quantity: e.currentTarget.value })}
                    onKeyDown={(e) => onQuantityKey(row, e)}
                  />
                </Table.Td>
                <Table.Td>{product ? t(`units.${product.saleUnit}`, { count: Number(a.quantity) || 1 }) : ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {order.status !== 'draft' && (
        <Alert color="blue" py={6} data-testid="order-edit-notice">
          <Text size="xs">{t('detail.changeNotice', { version: (order.acknowledgementVersion ?? 0) + 1 })}</Text>
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} title={t(needsManager ? 'changes.needsManager' : 'detail.changeRefused')} />}
      {submit.error && <ErrorAlert error={submit.error} />}
      <Group gap="xs" justify="flex-end">
        <Text size="xs" c="dimmed">
          {t('detail.changeKeys')}
        </Text>
        <Button size="xs" variant="default" onClick={onClose}>
          {t('detail.changeCancel')}
        </Button>
        {needsManager && (
          <Button
            ref={submitButton}
            size="xs"
            color="orange"
            loading={submit.isPending}
            data-testid="order-edit-submit-approval"
            onClick={() => submit.mutate()}
          >
            {t('changes.submit')}
          </Button>
        )}
        <Button
          ref={saveButton}
          size="xs"
          disabled={nothing}
          loading={save.isPending}
          data-testid="order-edit-save"
          onClick={() => save.mutate()}
        >
          {t('detail.changeSave')}
        </Button>
      </Group>
    </Stack>
  );
}
