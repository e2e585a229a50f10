import { Badge, Box, Group, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerCode, matchProducts } from '../../../../core/catalog/match-product.ts';
import type { Product } from '../../../../core/catalog/product.ts';
import { SuggestionList } from '../../shared/SuggestionList.tsx';
import { type LineNavigation, productFieldKey } from './keys.ts';

type Props = {
  lineNo: number;
  query: string;
  chosen: boolean;
  disabled: boolean;
  invalid: boolean;
  products: readonly Product[];
  customerCodes: readonly CustomerCode[];
  /** The customer's usual products (id → weight): among equal matches, his usual pack first. */
  usual: ReadonlyMap<number, number>;
  /** True while the catalogue or the customer's codes are on their way: an Enter then waits for them. */
  loading: boolean;
  register: (input: HTMLInputElement | null) => void;
  onQueryChange: (query: string) => void;
  onTake: (product: Product) => void;
  /** Enter came before the customer's codes: the page moves on to the quantity while the match is pending. */
  onPending: (pending: boolean) => void;
  onAction: (action: LineNavigation) => void;
};

/** A line's product field: ranks the catalogue locally (our code, the customer's code, GTIN, name words). */
export function ProductField({
  lineNo,
  query,
  chosen,
  disabled,
  invalid,
  products,
  customerCodes,
  usual,
  loading,
  register,
  onQueryChange,
  onTake,
  onPending,
  onAction,
}: Props) {
  const { t } = useTranslation();
  const [highlight, setHighlight] = useState(0);
  const [focused, setFocused] = useState(false);
  const [noMatch, setNoMatch] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const matches = useMemo(
    () => (chosen ? [] : matchProducts(query, products, customerCodes, 8, usual)),
    [chosen, query, products, customerCodes, usual],
  );
  const listId = `product-suggestions-${lineNo}`;
  const visible = focused && !chosen ? matches : [];

  const wait = (pending: boolean) => {
    setWaiting(pending);
    onPending(pending);
  };

  // An Enter typed while the customer's codes were loading: take the first match once they are in.
  useEffect(() => {
    if (!waiting || loading) return;
    setWaiting(false);
    if (matches.length) onTake(matches[0].product);
    else {
      setNoMatch(true);
      onPending(false);
    }
  }, [waiting, loading, matches, onTake, onPending]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = productFieldKey(event, { query, chosen, count: matches.length, highlight, loading });
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case 'highlight':
        return setHighlight(action.index);
      case 'take':
        return onTake(matches[action.index].product);
      case 'wait':
        return wait(true);
      case 'noMatch':
        return setNoMatch(true);
      default:
        return onAction(action);
    }
  };

  return (
    <Box pos="relative">
      <TextInput
        ref={register}
        aria-label={t('entry.productLine', { n: lineNo })}
        data-testid={`order-line-${lineNo}-product`}
        placeholder={t('entry.productPlaceholder')}
        value={query}
        disabled={disabled}
        autoComplete="off"
        role="combobox"
        aria-expanded={visible.length > 0}
        aria-controls={listId}
        aria-activedescendant={visible.length ? `${listId}-${highlight}` : undefined}
        error={invalid || noMatch ? (noMatch ? t('entry.noProduct') : true) : undefined}
        onChange={(event) => {
          setHighlight(0);
          setNoMatch(false);
          if (waiting) wait(false);
          onQueryChange(event.currentTarget.value);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      />
      <SuggestionList
        id={listId}
        testId={`order-line-${lineNo}-suggestions`}
        items={visible}
        highlight={highlight}
        itemKey={(m) => m.product.id}
        onPick={(index) => onTake(visible[index].product)}
        render={(m) => (
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" ff="monospace" w={110}>
              {m.product.code}
            </Text>
            <Text size="sm">{m.product.name}</Text>
            {m.matchedBy === 'customerCode' && (
              <Badge size="xs" variant="light">
                {t('entry.customerCode')}
              </Badge>
            )}
            {m.product.status === 'discontinued' && (
              <Badge size="xs" color="gray">
                {t('products.status.discontinued')}
              </Badge>
            )}
          </Group>
        )}
      />
    </Box>
  );
}
