import { Box, Group, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../api/types.ts';
import { SuggestionList } from '../../shared/SuggestionList.tsx';
import { listKey } from './keys.ts';
import { useCustomerSearch } from './use-entry-data.ts';

type Props = {
  inputRef: Ref<HTMLInputElement>;
  chosen: CustomerSummary | null;
  onChoose: (customer: CustomerSummary) => void;
  /** Enter came before the answer: the page moves on to the lines while the customer is being found. */
  onPending: (pending: boolean) => void;
};

/**
 * The customer field: she types a name, code, GLN, phone or city; the server ranks; Enter takes the first (or the
 * one picked with ↑/↓). An Enter typed before the answer arrives is kept and honoured when it does.
 */
export function CustomerPicker({ inputRef, chosen, onChoose, onPending }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [waiting, setWaiting] = useState(false);
  const [q, setQ] = useState('');
  // Search 150 ms after the last key; an Enter searches at once instead of waiting out the delay.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useCustomerSearch(q);
  const current = q === text.trim() && !search.isPlaceholderData && !search.isFetching;
  const items = open && text.trim() ? (search.data?.items ?? []) : [];

  const wait = (pending: boolean) => {
    setWaiting(pending);
    onPending(pending);
  };

  const take = (customer: CustomerSummary) => {
    setOpen(false);
    setWaiting(false); // the page clears its own pending flag when it takes the customer
    setText(customer.name);
    onChoose(customer);
  };

  useEffect(() => setHighlight(0), [search.data]);
  // A customer chosen elsewhere (the entry opened from the customer's page) shows in the field too.
  useEffect(() => {
    if (chosen) setText(chosen.name);
  }, [chosen]);
  // An Enter typed before the answer: honour it once the answer for what she typed lands.
  useEffect(() => {
    if (!waiting || !current) return;
    const first = search.data?.items[0];
    if (first) take(first);
    else wait(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- take and wait are the picker's own setters, stable in effect
  }, [waiting, current, search.data]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') return setOpen(false);
    if (!text.trim()) return;
    const move = listKey(event, { count: current ? items.length : 0, highlight, loading: !current });
    if (!move) return;
    event.preventDefault();
    if (move.type === 'highlight') setHighlight(move.index);
    else if (move.type === 'wait') {
      setQ(text.trim());
      wait(true);
    } else take(items[move.index]);
  };

  const noMatch = current && text.trim() !== '' && !chosen && (search.data?.items.length ?? 0) === 0;
  return (
    <Box pos="relative">
      <TextInput
        ref={inputRef}
        size="sm"
        label={t('entry.customer')}
        aria-label={t('entry.customer')}
        data-testid="order-customer"
        data-page-search
        placeholder={t('entry.customerPlaceholder')}
        leftSection={<IconSearch size={14} />}
        value={text}
        autoComplete="off"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="customer-suggestions"
        aria-activedescendant={items.length ? `customer-suggestions-${highlight}` : undefined}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          if (waiting) wait(false);
        }}
        onFocus={(event) => {
          event.currentTarget.select();
          if (!chosen) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        error={noMatch ? t('entry.noCustomer') : undefined}
      />
      <SuggestionList
        id="customer-suggestions"
        testId="customer-suggestions"
        items={items}
        highlight={highlight}
        itemKey={(c) => c.id}
        onPick={(index) => take(items[index])}
        render={(c) => (
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" w={70}>
              {c.code}
            </Text>
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {[c.postcode, c.city].filter(Boolean).join(' ')} {c.phone ? `· ${c.phone}` : ''}
            </Text>
          </Group>
        )}
      />
    </Box>
  );
}
