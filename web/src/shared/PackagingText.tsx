import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../core/catalog/product.ts';
import { packagingParts } from './packaging-text.ts';
import { useFormat } from './use-format.ts';

/** "10 sacs = 2 couches = 0,25 palette": how the quantity will travel. */
export function PackagingText({ quantity, product, testId }: { quantity: number; product: Product; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = packagingParts(quantity, product)
    .map((part) => {
      const key = part.kind === 'unit' ? `units.${product.saleUnit}` : `packaging.${part.kind}`;
      return `${fmt.number(part.count)} ${t(key, { count: part.count })}`;
    })
    .join(' = ');
  return (
    <Text size="xs" c="dimmed" data-testid={testId}>
      {text}
    </Text>
  );
}
