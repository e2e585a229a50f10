import { ActionIcon, Button, Group } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * Rows of steps a dialog edits (a price's quantity tiers, an order discount's steps): each row's fields, a button
 * that removes it, and one that adds an empty row below.
 */
export function StepList<T>({
  steps,
  onChange,
  empty,
  fields,
  removeLabel,
  addLabel,
}: {
  steps: readonly T[];
  onChange: (steps: T[]) => void;
  /** The row "add" appends. */
  empty: T;
  /** The fields of row `i`; `set` changes some of its values. */
  fields: (step: T, i: number, set: (change: Partial<T>) => void) => ReactNode;
  removeLabel: string;
  addLabel: string;
}) {
  const set = (i: number) => (change: Partial<T>) => onChange(steps.map((s, k) => (k === i ? { ...s, ...change } : s)));
  return (
    <>
      {steps.map((s, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          {fields(s, i, set(i))}
          <ActionIcon
            mt={28}
            variant="subtle"
            color="red"
            aria-label={removeLabel}
            onClick={() => onChange(steps.filter((_, k) => k !== i))}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => onChange([...steps, empty])}>
          {addLabel}
        </Button>
      </Group>
    </>
  );
}
