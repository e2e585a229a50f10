import { Paper, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './SuggestionList.module.css';

type Props<T> = {
  id: string;
  items: readonly T[];
  highlight: number;
  render: (item: T) => ReactNode;
  itemKey: (item: T) => string | number;
  onPick: (index: number) => void;
  testId?: string;
};

/**
 * The suggestions under a typeahead field. The field keeps the focus and drives the highlight with the keyboard
 * (see orders/entry/keys.ts); the mouse can still pick, without stealing the focus first.
 */
export function SuggestionList<T>({ id, items, highlight, render, itemKey, onPick, testId }: Props<T>) {
  if (!items.length) return null;
  return (
    <Paper id={id} role="listbox" shadow="md" withBorder className={classes.list} data-testid={testId}>
      {items.map((item, index) => (
        <UnstyledButton
          key={itemKey(item)}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === highlight}
          tabIndex={-1}
          className={classes.option}
          data-active={index === highlight || undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(index)}
        >
          {render(item)}
        </UnstyledButton>
      ))}
    </Paper>
  );
}
