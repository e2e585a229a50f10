/** The shortcuts that work on every screen. Kept pure so what each key does is tested without a browser. */
export type GlobalShortcut = 'newOrder' | 'inboundCall' | 'search' | 'help';

export type KeyLike = { key: string; code?: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

export function globalShortcut(event: KeyLike, inEditableField: boolean): GlobalShortcut | null {
  const letter = event.code?.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  // Alt+N by its physical key: on some layouts Alt turns the letter into another character.
  if (event.altKey && !event.ctrlKey && !event.metaKey && letter === 'n') return 'newOrder';
  // Alt+A ("appel", "answer"): the phone rings, from any screen and any field, like Alt+N.
  if (event.altKey && !event.ctrlKey && !event.metaKey && letter === 'a') return 'inboundCall';
  if ((event.ctrlKey || event.metaKey) && !event.altKey && letter === 'k') return 'search';
  // "/" is text inside a field, so it only means "search" outside one.
  if (event.key === '/' && !inEditableField && !event.ctrlKey && !event.metaKey && !event.altKey) return 'search';
  // "?" (Shift+, or Shift+/ depending on the layout) lists the shortcuts; in a field it is a question mark.
  if (event.key === '?' && !inEditableField && !event.ctrlKey && !event.metaKey && !event.altKey) return 'help';
  return null;
}

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
