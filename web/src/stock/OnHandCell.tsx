import { ActionIcon, Group, Text, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { OnHandInput, StockLevel } from '../api/types.ts';
import { errorMessage } from '../shared/error-message.ts';
import { parseInteger } from '../shared/form-values.ts';
import { useFormat } from '../shared/use-format.ts';

/** The admin corrects a count in place: Enter saves, Escape gives up. */
export function OnHandCell({ row }: { row: StockLevel }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(row.onHand));
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const onHand = parseInteger(value);
    if (onHand === null || onHand < 0) return setError(t('stock.badQuantity'));
    try {
      await api.put(`/api/stock/${row.warehouseId}/${row.productId}`, { onHand } satisfies OnHandInput);
      setEditing(false);
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['stock'] });
      void queryClient.invalidateQueries({ queryKey: ['products', row.productId] });
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  if (!editing) {
    return (
      <Group gap={4} justify="flex-end" wrap="nowrap">
        <Text size="sm">{fmt.number(row.onHand)}</Text>
        <ActionIcon
          variant="subtle"
          size="xs"
          aria-label={t('stock.editOnHand', { code: row.productCode, warehouse: row.warehouseName })}
          onClick={() => {
            setValue(String(row.onHand));
            setEditing(true);
          }}
        >
          <IconPencil size={12} />
        </ActionIcon>
      </Group>
    );
  }
  return (
    <TextInput
      w={110}
      ml="auto"
      autoFocus
      aria-label={t('stock.onHand')}
      value={value}
      error={error}
      styles={{ input: { textAlign: 'right' } }}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
        if (e.key === 'Escape') setEditing(false);
      }}
      onBlur={() => !error && setEditing(false)}
    />
  );
}
