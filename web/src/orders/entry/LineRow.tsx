import { ActionIcon, Badge, Group, Kbd, Table, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCode } from '../../../../core/catalog/match-product.ts';
import type { Product } from '../../../../core/catalog/product.ts';
import type { Finding } from '../../../../core/orders/findings.types.ts';
import { type AvailabilityRemedy, REMEDY_KEYS } from '../../../../core/orders/availability-remedies.ts';
import { unitPriceFor, type PriceTier } from '../../../../core/pricing/price-list.ts';
import { PackagingText } from '../../shared/PackagingText.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { type EntryLine, parseQuantity } from './draft.ts';
import { type LineNavigation, quantityFieldKey } from './keys.ts';
import { ProductField } from './ProductField.tsx';
import { FindingList } from '../rules/FindingList.tsx';
import { useBilingual } from '../rules/bilingual.ts';

/** A line as core priced it: the unit price (null when it has none), its net after discounts, and those discounts. */
export type RowPrice = { unitPriceCents: number | null; netCents: number; discounts?: readonly { kind: string; discountBp: number }[] };

type Props = {
  index: number;
  line: EntryLine;
  product: Product | undefined;
  disabled: boolean;
  invalid: boolean;
  products: readonly Product[];
  customerCodes: readonly CustomerCode[];
  usual: ReadonlyMap<number, number>;
  prices: readonly PriceTier[];
  /** The line as core priced it, once it has a product and a quantity. */
  priced: RowPrice | undefined;
  /** What the rules found on this line, shown beside it. */
  findings: readonly Finding[];
  /** What can be promised to this line on the requested date, for this customer; undefined until the stock is read. */
  promisable?: number;
  requestedDate?: string | null;
  /** One-key answers when the stock cannot serve it complete (Alt+D, Alt+P, Alt+R). */
  remedies?: readonly AvailabilityRemedy[];
  onFocusLine?: () => void;
  loading: boolean;
  register: (field: 'product' | 'quantity', input: HTMLInputElement | null) => void;
  onChange: (patch: Partial<EntryLine>) => void;
  onTake: (product: Product) => void;
  onPending: (pending: boolean) => void;
  onNavigate: (action: LineNavigation, from: 'product' | 'quantity') => void;
  onRemove: () => void;
};

/** One order line: product, quantity, and as she types, its price and what it makes in layers and pallets. */
export function LineRow({
  index,
  line,
  product,
  disabled,
  invalid,
  products,
  customerCodes,
  usual,
  prices,
  priced,
  findings,
  promisable,
  requestedDate,
  remedies = [],
  onFocusLine,
  loading,
  register,
  onChange,
  onTake,
  onPending,
  onNavigate,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const fmt = useFormat();
  const lineNo = index + 1;
  const quantity = parseQuantity(line.quantity);
  // Before a quantity is typed, the price of one unit tells her she has the right product.
  const unitPrice = priced ? priced.unitPriceCents : product ? unitPriceFor(product.id, 1, prices) : null;

  const onQuantityKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = quantityFieldKey(event);
    if (!action) return;
    event.preventDefault();
    onNavigate(action, 'quantity');
  };

  return (
    <Table.Tr data-testid={`order-line-${lineNo}`} onFocus={onFocusLine}>
      <Table.Td c="dimmed" w={28}>
        {lineNo}
      </Table.Td>
      <Table.Td w={190}>
        <ProductField
          lineNo={lineNo}
          query={line.query}
          chosen={line.productId !== null}
          disabled={disabled}
          invalid={invalid && line.productId === null}
          products={products}
          customerCodes={customerCodes}
          usual={usual}
          loading={loading}
          register={(input) => register('product', input)}
          onQueryChange={(query) => onChange({ query, productId: null })}
          onTake={onTake}
          onPending={onPending}
          onAction={(action) => onNavigate(action, 'product')}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid={`order-line-${lineNo}-name`}>
          {product?.name ?? ''}
        </Text>
        {product && quantity !== null && <PackagingText quantity={quantity} product={product} testId={`order-line-${lineNo}-packaging`} />}
        {product && promisable !== undefined && (
          <Text
            size="xs"
            c={quantity !== null && quantity > promisable ? 'orange.8' : 'dimmed'}
            data-testid={`order-line-${lineNo}-available`}
            data-promisable={promisable}
          >
            {t('entry.available', {
              count: promisable,
              quantity: fmt.number(promisable),
              date: requestedDate ? fmt.date(requestedDate) : '—',
            })}
          </Text>
        )}
        <FindingList findings={findings} testId={`order-line-${lineNo}-findings`} />
        {remedies.length > 0 && (
          <Group gap={6} mt={2} data-testid={`order-line-${lineNo}-remedies`}>
            {remedies.map((r) => (
              <Text key={r.kind} size="xs" c="blue.8">
                <Kbd size="xs">Alt+{REMEDY_KEYS[r.kind].toUpperCase()}</Kbd> {bilingual(r.description)}
              </Text>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td w={90}>
        <TextInput
          ref={(input) => register('quantity', input)}
          aria-label={t('entry.quantityLine', { n: lineNo })}
          data-testid={`order-line-${lineNo}-quantity`}
          inputMode="numeric"
          autoComplete="off"
          value={line.quantity}
          disabled={disabled}
          error={invalid && line.productId !== null && quantity === null}
          styles={{ input: { textAlign: 'right' } }}
          onChange={(event) => onChange({ quantity: event.currentTarget.value })}
          onKeyDown={onQuantityKey}
        />
      </Table.Td>
      <Table.Td w={70}>
        <Text size="sm">{product ? t(`units.${product.saleUnit}`, { count: quantity ?? 1 }) : ''}</Text>
      </Table.Td>
      <Table.Td w={100} ta="right" data-testid={`order-line-${lineNo}-price`}>
        {product &&
          (unitPrice === null ? (
            <Text size="xs" c="orange">
              {t('entry.noPrice')}
            </Text>
          ) : (
            fmt.money(unitPrice)
          ))}
        {priced?.discounts?.map((d, i) => (
          <Badge
            key={i}
            size="xs"
            variant="light"
            color={d.kind === 'promotion' ? 'grape' : 'teal'}
            display="block"
            ml="auto"
            data-testid={`order-line-${lineNo}-discount`}
          >
            {`−${fmt.rate(d.discountBp)}`}
          </Badge>
        ))}
      </Table.Td>
      <Table.Td w={100} ta="right" fw={500} data-testid={`order-line-${lineNo}-net`}>
        {priced && priced.unitPriceCents !== null ? fmt.money(priced.netCents) : ''}
      </Table.Td>
      <Table.Td w={32}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          tabIndex={-1}
          aria-label={t('entry.removeLine', { n: lineNo })}
          onClick={onRemove}
        >
          <IconX size={14} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
