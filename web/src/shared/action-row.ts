import type { KeyboardEvent, HTMLAttributes } from 'react';

type RowProps = HTMLAttributes<HTMLTableRowElement> & { 'data-action-row': true; tabIndex: number };

/**
 * A table or list row that opens something: reachable by Tab, opened by Enter (or Space) as by a click, and walked
 * with ↑ ↓ (Home, End: the first and last row) without leaving the keyboard. Spread on the row:
 * `<Table.Tr key={o.id} {...actionRow(() => open(o))}>`. Its focus ring is drawn by the theme (app/a11y.css).
 */
export function actionRow(open: () => void): RowProps {
  return {
    'data-action-row': true,
    tabIndex: 0,
    style: { cursor: 'pointer' },
    onClick: open,
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
      if (event.target !== event.currentTarget) return; // a button or field inside the row keeps its keys
      const next = siblingRow(event.currentTarget, event.key);
      if (next) {
        event.preventDefault();
        next.focus();
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    },
  };
}

function siblingRow(row: HTMLElement, key: string): HTMLElement | null {
  const rows = [...(row.parentElement?.querySelectorAll<HTMLElement>(':scope > [data-action-row]') ?? [])];
  const at = rows.indexOf(row);
  if (key === 'ArrowDown') return rows[at + 1] ?? null;
  if (key === 'ArrowUp') return rows[at - 1] ?? null;
  if (key === 'Home') return rows[0] ?? null;
  if (key === 'End') return rows[rows.length - 1] ?? null;
  return null;
}
