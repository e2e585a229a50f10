import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/a11y.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ORDER_DESK, STAFF } from '../../core/auth/roles.ts';
import { AuthProvider, useAuth } from './app/auth.tsx';
import './app/i18n.ts';
import { queryClient } from './app/query-client.ts';
import { router } from './app/router.tsx';
import { SearchPalette } from './app/SearchPalette.tsx';
import { ShortcutsHelp } from './app/ShortcutsHelp.tsx';
import { DeskThemeProvider } from './app/theme.tsx';
import { useGlobalShortcuts } from './app/use-global-shortcuts.ts';
import { InboundCallContext } from './app/inbound-call.ts';
import { nowInstant } from './shared/clock.ts';

function App() {
  const { i18n } = useTranslation();
  const { can } = useAuth();
  const [searching, setSearching] = useState(false);
  const [helping, setHelping] = useState(false);
  const openHelp = useCallback(() => setHelping(true), []);
  // When she picked up the phone: the inbound call's timer runs from here, not from when the customer is found.
  const [inboundCallAt, setInboundCallAt] = useState<string | null>(null);
  const startInboundCall = useCallback(() => setInboundCallAt(nowInstant()), []);
  const takesCalls = can(ORDER_DESK);
  useGlobalShortcuts(takesCalls, can(STAFF) ? () => setSearching(true) : null, openHelp, takesCalls ? startInboundCall : null);
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      <Notifications position="top-right" />
      {can(STAFF) && <SearchPalette opened={searching} onClose={() => setSearching(false)} navigate={(to) => void router.navigate(to)} />}
      {takesCalls && inboundCallAt && (
        <SearchPalette
          key={inboundCallAt}
          opened
          inboundCallAt={inboundCallAt}
          onClose={() => setInboundCallAt(null)}
          navigate={(to) => void router.navigate(to)}
        />
      )}
      <ShortcutsHelp opened={helping} onClose={() => setHelping(false)} />
      <InboundCallContext value={takesCalls ? startInboundCall : null}>
        <RouterProvider router={router} />
      </InboundCallContext>
    </DatesProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeskThemeProvider>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <App />
        </AuthProvider>
      </QueryClientProvider>
    </DeskThemeProvider>
  </StrictMode>,
);
