import { useEffect } from 'react';
import { router } from './router.tsx';
import { globalShortcut, isEditable } from './shortcuts.ts';

/**
 * Alt+N opens the order entry; Alt+A answers an inbound call (`startInboundCall`: the palette that finds the caller,
 * the call timed from the key); Ctrl+K opens the one search (`openSearch`: customers, orders, products), its field
 * focused, from any page and any field; / outside a field focuses the screen's own search (data-page-search), or
 * opens the one search where the screen has none. Listened to above the router, so a key pressed while a screen is
 * still being swapped in is not lost. ? outside a field opens the list of shortcuts (`openHelp`).
 */
export function useGlobalShortcuts(
  canEnterOrders: boolean,
  openSearch: (() => void) | null,
  openHelp?: () => void,
  startInboundCall?: (() => void) | null,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = globalShortcut(event, isEditable(event.target));
      if (
        !shortcut ||
        (shortcut === 'newOrder' && !canEnterOrders) ||
        (shortcut === 'help' && !openHelp) ||
        (shortcut === 'inboundCall' && !startInboundCall)
      )
        return;
      event.preventDefault();
      if (shortcut === 'help') {
        openHelp?.();
        return;
      }
      if (shortcut === 'inboundCall') {
        startInboundCall?.();
        return;
      }
      if (shortcut === 'newOrder') {
        void router.navigate('/orders/new');
        return;
      }
      const search = event.key === '/' ? document.querySelector<HTMLInputElement>('[data-page-search]') : null;
      if (search) {
        search.focus();
        search.select();
      } else if (openSearch) openSearch();
      else void router.navigate('/orders');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canEnterOrders, openSearch, openHelp, startInboundCall]);
}
