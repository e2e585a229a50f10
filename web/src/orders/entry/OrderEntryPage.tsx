import { Alert, Box, Button, Grid, Group, Paper, Table, Text } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Channel } from '../../../../core/customers/customer.ts';
import { useCustomer } from '../../customers/use-customer.ts';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../core/catalog/product.ts';
import { priceDraft } from '../../../../core/orders/price-draft.ts';
import { rules } from '../../../../core/orders/rules.ts';
import { eligiblePromotions } from '../../../../core/pricing/promotions.ts';
import type { CustomerSummary } from '../../api/types.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { TotalsPanel } from '../TotalsPanel.tsx';
import { PinnedNotes } from '../../story/PinnedNotes.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';
import { blankLine, type EntryHeader, type EntryLine, parseQuantity, pricedInput, removeLine, withTrailingBlank } from './draft.ts';
import { HeaderFields } from './HeaderFields.tsx';
import type { LineNavigation } from './keys.ts';
import { LineRow } from './LineRow.tsx';
import { ShortcutHints } from './ShortcutHints.tsx';
import { useCatalogue } from '../../catalog/use-catalogue.ts';
import { useOrderAvailability, useOrderContext, usePresetCustomer } from './use-entry-data.ts';
import { type SubmitOrder, useSaveOrder } from './use-save-order.ts';
import {
  applyRemedyToEntry,
  applyToEntry,
  remedyShortcut,
  rulesContextOf,
  runEntryRules,
  suggestionShortcut,
  usualCounts,
} from './entry-rules.ts';
import { FindingList } from '../rules/FindingList.tsx';
import { PromotionPitch } from '../rules/PromotionPitch.tsx';
import { SuggestionsPanel } from '../rules/SuggestionsPanel.tsx';

type Focus = { index: number; field: 'product' | 'quantity' } | 'footer' | null;
const NO_FINDINGS: never[] = [];

/** An order already read from somewhere (an email, a fax): the entry starts filled with it. */
export type EntrySeed = {
  customerId: number | null;
  channel: Channel;
  requestedDate: string | null;
  customerRef: string;
  lines: { productId: number; code: string; quantity: number }[];
};

/**
 * The entry's columns follow the width it is given, not the window's: beside an email's original (the intake
 * screen) the lines take the whole width and the totals go under them, where at full width they sit on the right.
 */
const ENTRY_WIDTHS = { xs: '480px', sm: '640px', md: '760px', lg: '1040px', xl: '1240px' };

/**
 * The phone order, keyboard only: customer, Enter; code, Enter; quantity, Enter; … Ctrl+Enter. With a `seed`, it
 * starts filled (the intake's draft beside the original) and `submit` saves it instead of a new order.
 */
export function OrderEntryPage({ seed, submit, title }: { seed?: EntrySeed; submit?: SubmitOrder; title?: ReactNode } = {}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const keyCounter = useRef(1 + (seed?.lines.length ?? 0));
  const nextKey = useCallback(() => ++keyCounter.current, []);
  const seededDate = useRef(seed?.requestedDate ?? null);

  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [customerPending, setCustomerPending] = useState(false);
  const [header, setHeader] = useState<EntryHeader>({
    customerId: null,
    deliveryPointId: null,
    requestedDate: null,
    channel: seed?.channel ?? 'phone',
    customerRef: seed?.customerRef ?? '',
    note: '',
  });
  const [lines, setLines] = useState<EntryLine[]>(() =>
    seed
      ? withTrailingBlank(
          seed.lines.map((l, i) => ({ key: i + 1, query: l.code, productId: l.productId, quantity: String(l.quantity) })),
          () => seed.lines.length + 1,
        )
      : [blankLine(1)],
  );
  const [badLines, setBadLines] = useState<number[]>([]);
  // Lines whose product Enter came before the customer's codes: their match is taken as soon as they arrive.
  const [pendingLines, setPendingLines] = useState<ReadonlySet<number>>(new Set());
  const context = useOrderContext(header.customerId);

  // Focus moves are asked for during an event and done after the render that creates the target field.
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const customerInput = useRef<HTMLInputElement>(null);
  const footerButton = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<Focus>(null);
  useLayoutEffect(() => {
    if (focus === null) return;
    if (focus === 'footer') footerButton.current?.focus();
    else {
      const line = lines[Math.max(0, Math.min(focus.index, lines.length - 1))];
      const input = inputs.current.get(`${line?.key}:${focus.field}`);
      input?.focus();
      input?.select(); // as in a spreadsheet: what she types next replaces the cell
    }
    setFocus(null);
  }, [focus, lines]);
  useEffect(() => customerInput.current?.focus(), []);

  // Opened from a customer's page (?customerId=), or seeded: that customer is already chosen, the lines wait.
  const fromPage = usePresetCustomer();
  const seeded = useCustomer(seed?.customerId ?? null).data;
  const preset = fromPage ?? seeded;
  useEffect(() => {
    if (preset && header.customerId === null) chooseCustomer(preset);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the preset customer arrives
  }, [preset]);

  // When the customer's context arrives: its default ship-to and the earliest date it can be delivered. Once per
  // customer: the context is read again later (a refetch) and must not undo the point or date she chose meanwhile.
  const defaultsFor = useRef<number | null>(null);
  useEffect(() => {
    const ctx = context.data;
    if (!ctx || ctx.customer.id !== header.customerId || defaultsFor.current === ctx.customer.id) return;
    defaultsFor.current = ctx.customer.id;
    const point = ctx.customer.deliveryPoints.find((p) => p.isDefault) ?? ctx.customer.deliveryPoints[0];
    // A date read from the customer's own order stands; otherwise the earliest the point can be delivered. Read
    // now: the updater below runs at the next render, after the seed is spent.
    const requestedDate = seededDate.current ?? (point ? (ctx.earliestDates[String(point.id)] ?? null) : null);
    seededDate.current = null;
    // A date she typed while the context was on its way is hers: the default never overwrites it.
    setHeader((h) => ({ ...h, deliveryPointId: point?.id ?? null, requestedDate: h.requestedDate ?? requestedDate }));
  }, [context.data, header.customerId]);

  const focusFirstOpenLine = () => {
    const firstOpen = lines.findIndex((l) => l.productId === null);
    if (firstOpen === -1) setLines((ls) => withTrailingBlank(ls, nextKey));
    setFocus({ index: firstOpen === -1 ? Number.MAX_SAFE_INTEGER : firstOpen, field: 'product' });
  };

  const chooseCustomer = (c: CustomerSummary) => {
    setCustomer(c);
    setCustomerPending(false);
    defaultsFor.current = null;
    setHeader((h) => ({ ...h, customerId: c.id, deliveryPointId: null, requestedDate: null }));
    // If she already went on typing lines while the customer was being found, leave her where she is.
    if (document.activeElement === customerInput.current) focusFirstOpenLine();
  };

  const onCustomerPending = (pending: boolean) => {
    setCustomerPending(pending);
    // Pending: go on to the lines. No longer pending without a customer: nothing matched, back to the field.
    if (pending) focusFirstOpenLine();
    else customerInput.current?.focus();
  };

  const updateLine = (index: number, patch: Partial<EntryLine>) =>
    setLines((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const setPending = (key: number, pending: boolean) =>
    setPendingLines((keys) => {
      const next = new Set(keys);
      if (pending) next.add(key);
      else next.delete(key);
      return next;
    });

  const takeProduct = (key: number, product: Product) => {
    const wasFocused = document.activeElement === inputs.current.get(`${key}:product`);
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, productId: product.id, query: product.code } : l)));
    setPending(key, false);
    const index = lines.findIndex((l) => l.key === key);
    setBadLines((b) => b.filter((i) => i !== index));
    // A pending match lands while she types further on: the focus stays where she is.
    if (wasFocused) setFocus({ index, field: 'quantity' });
  };

  const onProductPending = (index: number, pending: boolean) => {
    const key = lines[index].key;
    setPending(key, pending);
    if (pending) return setFocus({ index, field: 'quantity' });
    // Nothing matched what she typed: back to that product field, wherever she had gone on to.
    setBadLines((b) => [...new Set([...b, index])]);
    setFocus({ index, field: 'product' });
  };

  const navigateFrom = (index: number, action: LineNavigation, from: 'product' | 'quantity') => {
    switch (action.type) {
      case 'toQuantity':
        return setFocus({ index, field: 'quantity' });
      case 'toFooter':
        return setFocus('footer');
      case 'line':
        return setFocus({ index: Math.max(0, index + action.delta), field: from });
      case 'removeLine':
        if (lines.length === 1) return;
        setLines((ls) => removeLine(ls, index, nextKey));
        return setFocus({ index: Math.max(0, index - 1), field: index > 0 ? 'quantity' : 'product' });
      case 'commit': {
        const line = lines[index];
        if (line.productId === null && !pendingLines.has(line.key)) return setFocus({ index, field: 'product' });
        if (parseQuantity(line.quantity) === null) return setBadLines((b) => [...new Set([...b, index])]);
        setBadLines((b) => b.filter((i) => i !== index));
        setLines((ls) => withTrailingBlank(ls, nextKey));
        // The fresh line is the last one (it may already have been there, blank, after a middle line was edited).
        return setFocus({ index: Number.MAX_SAFE_INTEGER, field: 'product' });
      }
    }
  };

  const prices = useMemo(() => context.data?.prices ?? [], [context.data]);
  // The stock of the products typed so far, for this customer: the availability rule runs with the others.
  const stock = useOrderAvailability(
    header.customerId,
    lines.flatMap((l) => (l.productId === null ? [] : [l.productId])),
  );
  // The customer's whole commercial context, then core's rules over what is typed: price, check, suggest, as the
  // server will on save. Each row shows the line core priced and what the rules found on it, found by its row key.
  const rulesContext = useMemo(
    () => rulesContextOf(context.data, catalogue.byId, header.deliveryPointId, stock.data),
    [context.data, catalogue.byId, header.deliveryPointId, stock.data],
  );
  const entryRules = useMemo(
    () => (rulesContext ? runEntryRules(lines, header, rulesContext, rules) : null),
    [lines, header, rulesContext],
  );
  const usual = useMemo(() => usualCounts(context.data?.usualProductIds), [context.data]);
  const pitch = useMemo(() => (rulesContext ? eligiblePromotions(rulesContext) : []), [rulesContext]);
  // Before the customer's context is in: list prices alone, so the screen is never blank.
  const fallback = useMemo(() => {
    if (entryRules) return null;
    const input = pricedInput(lines).filter((l) => catalogue.byId.has(l.productId));
    const result = priceDraft(input, catalogue.byId, prices);
    return {
      totals: result.totals,
      unpriced: result.unpricedProductIds.length > 0,
      pricedByKey: new Map(input.map((l, i) => [l.key, result.lines[i]])),
    };
  }, [entryRules, lines, catalogue.byId, prices]);
  const totals = entryRules ? entryRules.result.priced.totals : fallback!.totals;
  const pricedByKey: ReadonlyMap<number, { unitPriceCents: number | null; netCents: number }> = entryRules
    ? entryRules.pricedByKey
    : fallback!.pricedByKey;
  const suggestions = entryRules?.result.suggestions ?? [];

  const applySuggestionAt = (index: number) => {
    const suggestion = suggestions[index];
    if (!entryRules || !suggestion) return;
    const next = applyToEntry(lines, header, entryRules, suggestion, (id) => catalogue.byId.get(id)?.code ?? String(id), nextKey);
    setLines(next.lines);
    setHeader(next.header);
  };
  // A line the stock cannot serve: Alt+D, Alt+P or Alt+R answers the line she is on (else the first short one).
  const [currentKey, setCurrentKey] = useState<number | null>(null);
  const applyRemedyKind = (kind: 'date' | 'partial' | 'substitute') => {
    if (!entryRules) return;
    const keys = [...entryRules.remediesByKey.keys()];
    const key = currentKey !== null && entryRules.remediesByKey.has(currentKey) ? currentKey : keys[0];
    const remedy = key === undefined ? undefined : entryRules.remediesByKey.get(key)!.find((r) => r.kind === kind);
    if (!remedy) return;
    const next = applyRemedyToEntry(lines, header, entryRules, remedy, (id) => catalogue.byId.get(id)?.code ?? String(id));
    setLines(next.lines);
    setHeader(next.header);
  };
  // Alt+1 … Alt+9 from any field: the listener is set once and calls the latest apply.
  const applyRef = useRef(applySuggestionAt);
  applyRef.current = applySuggestionAt;
  const remedyRef = useRef(applyRemedyKind);
  remedyRef.current = applyRemedyKind;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const kind = remedyShortcut(event);
      if (kind) {
        event.preventDefault();
        remedyRef.current(kind);
        return;
      }
      const index = suggestionShortcut(event);
      if (index === null) return;
      event.preventDefault();
      applyRef.current(index);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const saving = useSaveOrder(
    header,
    lines,
    entryRules?.needsManager ?? false,
    (problem, lineIndexes) => {
      setBadLines(lineIndexes);
      if (problem === 'noCustomer') customerInput.current?.focus();
      else if (lineIndexes.length)
        setFocus({ index: lineIndexes[0], field: lines[lineIndexes[0]].productId === null ? 'product' : 'quantity' });
    },
    submit,
  );

  const unpriced = entryRules ? entryRules.result.priced.unpricedLineIndexes.length > 0 : fallback!.unpriced;
  const ready = !catalogue.loading && !context.isFetching && !customerPending;

  return (
    <Box maw={1400}>
      <PageTitle title={title ?? t('entry.title')}>
        <ShortcutHints />
      </PageTitle>
      {pitch.length > 0 && (
        <Box mb="sm">
          <PromotionPitch promotions={pitch} />
        </Box>
      )}
      <Paper withBorder p="sm" mb="sm">
        <Grid type="container" breakpoints={ENTRY_WIDTHS} gutter="xs" align="flex-start">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <CustomerPicker inputRef={customerInput} chosen={customer} onChoose={chooseCustomer} onPending={onCustomerPending} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>{customer && <CustomerCard customer={customer} />}</Grid.Col>
          {customer && (
            <Grid.Col span={12}>
              <PinnedNotes customerId={customer.id} />
            </Grid.Col>
          )}
          <Grid.Col span={12}>
            <HeaderFields header={header} context={context.data} onChange={(patch) => setHeader((h) => ({ ...h, ...patch }))} />
          </Grid.Col>
        </Grid>
      </Paper>
      <Grid type="container" breakpoints={ENTRY_WIDTHS} gutter="sm" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Paper withBorder p="xs">
            <Table data-testid="order-lines" layout="fixed">
              <Table.Thead style={{ whiteSpace: 'nowrap' }}>
                <Table.Tr>
                  <Table.Th w={28}>#</Table.Th>
                  <Table.Th w={190}>{t('entry.product')}</Table.Th>
                  <Table.Th>{t('entry.designation')}</Table.Th>
                  <Table.Th w={90}>{t('entry.quantity')}</Table.Th>
                  <Table.Th w={70}>{t('entry.unit')}</Table.Th>
                  <Table.Th w={100} ta="right">
                    {t('entry.unitPrice')}
                  </Table.Th>
                  <Table.Th w={100} ta="right">
                    {t('entry.lineNet')}
                  </Table.Th>
                  <Table.Th w={32} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line, index) => (
                  <LineRow
                    key={line.key}
                    index={index}
                    line={line}
                    product={line.productId !== null ? catalogue.byId.get(line.productId) : undefined}
                    disabled={header.customerId === null && !customerPending}
                    invalid={badLines.includes(index)}
                    products={catalogue.products}
                    customerCodes={context.data?.productCodes ?? []}
                    usual={usual}
                    prices={prices}
                    priced={pricedByKey.get(line.key)}
                    findings={entryRules?.findingsByKey.get(line.key) ?? NO_FINDINGS}
                    promisable={entryRules?.promisableByKey.get(line.key)}
                    requestedDate={header.requestedDate}
                    remedies={entryRules?.remediesByKey.get(line.key) ?? NO_FINDINGS}
                    onFocusLine={() => setCurrentKey(line.key)}
                    loading={!ready}
                    register={(field, input) => {
                      if (input) inputs.current.set(`${line.key}:${field}`, input);
                      else inputs.current.delete(`${line.key}:${field}`);
                    }}
                    onChange={(patch) => updateLine(index, patch)}
                    onTake={(product) => takeProduct(line.key, product)}
                    onPending={(pending) => onProductPending(index, pending)}
                    onNavigate={(action, from) => navigateFrom(index, action, from)}
                    onRemove={() => setLines((ls) => removeLine(ls, index, nextKey))}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          {/* Kept in sight while she types down a long order: findings and suggestions first, then the totals. */}
          <Box
            data-testid="order-entry-side"
            style={{
              position: 'sticky',
              top: 'calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-xs))',
              maxHeight: 'calc(100vh - var(--app-shell-header-height, 0px) - 2 * var(--mantine-spacing-xs))',
              overflowY: 'auto',
            }}
          >
            {entryRules && entryRules.orderFindings.length > 0 && (
              <Paper withBorder p="xs" mb="sm">
                <FindingList findings={entryRules.orderFindings} testId="order-findings" />
              </Paper>
            )}
            {suggestions.length > 0 && (
              <Box mb="sm">
                <SuggestionsPanel suggestions={suggestions} onApply={applySuggestionAt} shortcuts />
              </Box>
            )}
            <TotalsPanel totals={totals} charges={entryRules?.result.priced.charges}>
              {unpriced && (
                <Text size="xs" c="orange.8">
                  {t('entry.unpriced')}
                </Text>
              )}
            </TotalsPanel>
            {saving.problem && (
              <Alert color="red" mt="sm" py="xs" role="alert" data-testid="order-save-error">
                {saving.problem}
              </Alert>
            )}
            <Group mt="sm" gap="xs" grow>
              <Button
                ref={footerButton}
                size="sm"
                loading={saving.saving}
                data-testid="order-save-confirm"
                onClick={() => void saving.save('confirm')}
              >
                {t('entry.saveConfirm')}
              </Button>
            </Group>
            <Group mt="xs" gap="xs" grow>
              <Button
                size="sm"
                variant="default"
                disabled={saving.saving}
                data-testid="order-save-draft"
                onClick={() => void saving.save('draft')}
              >
                {t('entry.saveDraft')}
              </Button>
            </Group>
          </Box>
        </Grid.Col>
      </Grid>
    </Box>
  );
}
