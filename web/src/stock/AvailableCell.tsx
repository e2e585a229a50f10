import { Table } from '@mantine/core';
import { useFormat } from '../shared/use-format.ts';

/** What can still be promised; red when nothing is left (or more is reserved than is on the shelf). */
export function AvailableCell({ available }: { available: number }) {
  const fmt = useFormat();
  return (
    <Table.Td ta="right" fw={600} c={available <= 0 ? 'red' : undefined}>
      {fmt.number(available)}
    </Table.Td>
  );
}
