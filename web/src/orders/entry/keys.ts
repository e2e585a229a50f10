/**
 * What each key does in the order entry, decided from plain state so the keyboard flow is tested without a browser.
 * The flow: customer, Enter → product, Enter → quantity, Enter → next product … empty product, Enter → the footer.
 */
export type KeyInput = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

export type ListState = { count: number; highlight: number; loading: boolean };

/** In a suggestion list: ↑/↓ move the highlight, Enter takes it (or waits for the answer that is on its way). */
export type ListMove = { type: 'highlight'; index: number } | { type: 'take'; index: number } | { type: 'wait' } | null;

export function listKey(event: KeyInput, list: ListState): ListMove {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'ArrowDown' && list.count > 0) return { type: 'highlight', index: Math.min(list.highlight + 1, list.count - 1) };
  if (event.key === 'ArrowUp' && list.count > 0) return { type: 'highlight', index: Math.max(list.highlight - 1, 0) };
  if (event.key === 'Enter') {
    if (list.loading) return { type: 'wait' };
    if (list.count > 0) return { type: 'take', index: Math.min(list.highlight, list.count - 1) };
  }
  return null;
}

/** Where the focus goes next, or what happens to the line: the page carries these out. */
export type LineNavigation =
  { type: 'toQuantity' } | { type: 'toFooter' } | { type: 'removeLine' } | { type: 'line'; delta: -1 | 1 } | { type: 'commit' };

export type ProductFieldState = ListState & { query: string; chosen: boolean };
export type ProductFieldAction = ListMove | Exclude<LineNavigation, { type: 'commit' }> | { type: 'noMatch' };

export function productFieldKey(event: KeyInput, field: ProductFieldState): ProductFieldAction {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const empty = field.query.trim() === '';
  const listOpen = !field.chosen && !empty && field.count > 0;
  switch (event.key) {
    case 'Enter':
      if (field.chosen) return { type: 'toQuantity' };
      if (empty) return { type: 'toFooter' };
      return listKey(event, field) ?? { type: 'noMatch' };
    case 'ArrowDown':
    case 'ArrowUp':
      if (listOpen) return listKey(event, field);
      return { type: 'line', delta: event.key === 'ArrowDown' ? 1 : -1 };
    case 'Backspace':
    case 'Delete':
      return empty ? { type: 'removeLine' } : null;
    default:
      return null;
  }
}

export type QuantityFieldAction = Extract<LineNavigation, { type: 'commit' | 'line' }> | null;

export function quantityFieldKey(event: KeyInput): QuantityFieldAction {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Enter') return { type: 'commit' };
  if (event.key === 'ArrowDown') return { type: 'line', delta: 1 };
  if (event.key === 'ArrowUp') return { type: 'line', delta: -1 };
  return null;
}

/** Ctrl+Enter saves and confirms, Ctrl+S saves a draft: from any field of the screen. */
export function saveShortcut(event: KeyInput): 'confirm' | 'draft' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === 'Enter') return 'confirm';
  if (event.key.toLowerCase() === 's') return 'draft';
  return null;
}
