import { Group, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhoneIncoming, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../../../core/search/search.schemas.ts';
import { api } from '../api/client.ts';
import { listKey } from '../orders/entry/keys.ts';

type Hit = { key: string; group: 'customers' | 'orders' | 'products'; title: string; detail: string; to: string };

function hitsOf(results: SearchResults | undefined, t: (key: string) => string): Hit[] {
  if (!results) return [];
  return [
    ...results.customers.map((c) => ({
      key: `c${c.id}`,
      group: 'customers' as const,
      title: c.name,
      detail: `${c.code} · ${c.city}`,
      to: `/customers/${c.id}`,
    })),
    ...results.orders.map((o) => ({
      key: `o${o.id}`,
      group: 'orders' as const,
      title: o.number,
      detail: [o.customerName, o.customerRef, t(`orderStatus.${o.status}`)].filter(Boolean).join(' · '),
      to: `/orders/${o.id}`,
    })),
    ...results.products.map((p) => ({
      key: `p${p.id}`,
      group: 'products' as const,
      title: p.code,
      detail: p.name,
      to: `/products/${p.id}`,
    })),
  ];
}

/** A customer hit opens his page with the inbound call's panel, timed from when she picked up the phone. */
function inboundHits(results: SearchResults | undefined, startedAt: string, t: (key: string) => string): Hit[] {
  return hitsOf(results, t)
    .filter((hit) => hit.group === 'customers')
    .map((hit) => ({ ...hit, to: `${hit.to}?call=in&startedAt=${encodeURIComponent(startedAt)}` }));
}

/**
 * The one search, Ctrl+K from any page: what she types goes straight into its field, customers, orders and products
 * come back together, ↑/↓ walk them and Enter opens one. With `inboundCallAt` it answers the phone instead: she types
 * the caller's number or name and only customers come back.
 */
/** `navigate`: the router's (the palette opens from above the router, and from the desk's layout inside it). */
export function SearchPalette({
  opened,
  onClose,
  navigate,
  inboundCallAt,
}: {
  opened: boolean;
  onClose: () => void;
  navigate: (to: string) => void;
  inboundCallAt?: string;
}) {
  const { t } = useTranslation();
  const inbound = inboundCallAt !== undefined;
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 150);
  const search = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchResults>(`/api/search?q=${encodeURIComponent(q)}`),
    enabled: opened && q.length > 0,
  });
  const hits = !q ? [] : inbound ? inboundHits(search.data, inboundCallAt, t) : hitsOf(search.data, t);
  const open = (hit: Hit) => {
    onClose();
    setText('');
    navigate(hit.to);
  };

  return (
    <Modal.Root
      opened={opened}
      onClose={onClose}
      size="lg"
      yOffset="12vh"
      padding="sm"
      data-testid={inbound ? 'inbound-call-palette' : 'search-palette'}
      // The caller's page takes the focus (its call panel), not the top bar's button she would reopen with Enter.
      returnFocus={!inbound}
    >
      <Modal.Overlay />
      {/* No visible title (the field says it all on screen): the dialog is named for screen readers. */}
      <Modal.Content aria-label={t(inbound ? 'inboundCall.title' : 'search.title')}>
        <Modal.Body>
          {inbound && (
            <Text size="sm" fw={600} mb="xs">
              {t('inboundCall.title')}
            </Text>
          )}
          <TextInput
            data-autofocus
            data-testid="search-palette-input"
            leftSection={inbound ? <IconPhoneIncoming size={16} /> : <IconSearch size={16} />}
            placeholder={t(inbound ? 'inboundCall.placeholder' : 'search.placeholder')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setHighlight(0);
            }}
            onKeyDown={(event) => {
              const move = listKey(event, { count: hits.length, highlight, loading: search.isFetching && hits.length === 0 });
              if (!move || move.type === 'wait') return;
              event.preventDefault();
              if (move.type === 'highlight') setHighlight(move.index);
              else open(hits[move.index]);
            }}
          />
          <ScrollArea.Autosize mah="55vh" mt="xs">
            <Stack gap={2}>
              {hits.map((hit, i) => (
                <div key={hit.key}>
                  {(i === 0 || hits[i - 1].group !== hit.group) && (
                    <Text size="xs" c="dimmed" fw={700} tt="uppercase" mt={i ? 6 : 0}>
                      {t(`search.groups.${hit.group}`)}
                    </Text>
                  )}
                  <UnstyledButton
                    w="100%"
                    px="xs"
                    py={4}
                    data-testid={`search-hit-${hit.key}`}
                    data-highlighted={i === highlight || undefined}
                    style={{ borderRadius: 4, background: i === highlight ? 'var(--mantine-color-blue-light)' : undefined }}
                    onMouseEnter={() => setHighlight(i)}
                    onClick={() => open(hit)}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {hit.title}
                      </Text>
                      <Text size="sm" c="dimmed" truncate>
                        {hit.detail}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </div>
              ))}
              {q && search.isSuccess && hits.length === 0 && (
                <Text size="sm" c="dimmed" data-testid="search-none">
                  {t('search.none', { q })}
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
          <Text size="xs" c="dimmed" mt="xs">
            {t('search.hint')}
          </Text>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
