import { useEffect } from 'react';
import { router } from './router.tsx';
import { globalShortcut, isEditable } from './shortcuts.ts';

/**
 * Alt+N opens the order entry; Ctrl+K or / focuses the screen's search (the field marked data-page-search).
 * Listened to above the router, so a key pressed while a screen is still being swapped in is not lost.
 */
export function useGlobalShortcuts(canEnterOrders: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = globalShortcut(event, isEditable(event.target));
      if (!shortcut || (shortcut === 'newOrder' && !canEnterOrders)) return;
      event.preventDefault();
      if (shortcut === 'newOrder') {
        void router.navigate('/orders/new');
        return;
      }
      const search = document.querySelector<HTMLInputElement>('[data-page-search]');
      if (search) {
        search.focus();
        search.select();
      } else void router.navigate('/orders');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canEnterOrders]);
}
