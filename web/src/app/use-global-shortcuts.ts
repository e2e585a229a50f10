import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { globalShortcut, isEditable } from './shortcuts.ts';

/** Alt+N opens the order entry; Ctrl+K or / focuses the screen's search (the field marked data-page-search). */
export function useGlobalShortcuts(canEnterOrders: boolean): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = globalShortcut(event, isEditable(event.target));
      if (!shortcut || (shortcut === 'newOrder' && !canEnterOrders)) return;
      event.preventDefault();
      if (shortcut === 'newOrder') {
        void navigate('/orders/new');
        return;
      }
      const search = document.querySelector<HTMLInputElement>('[data-page-search]');
      if (search) {
        search.focus();
        search.select();
      } else void navigate('/orders');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, canEnterOrders]);
}
