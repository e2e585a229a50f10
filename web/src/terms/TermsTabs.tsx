import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  ['/terms', 'terms.cgvTab'],
  ['/terms/promotions', 'terms.promotionsTab'],
  ['/terms/price-lists', 'terms.priceListsTab'],
  ['/terms/scripts', 'terms.scriptsTab'],
  ['/terms/force-majeure', 'terms.forceMajeureTab'],
] as const;

/**
 * The faces of how the company deals with its customers: the CGV table, the promotions, the price lists, the call
 * scripts, the force-majeure periods.
 */
export function TermsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = TABS.findLast(([to]) => pathname.startsWith(to))?.[0] ?? '/terms';
  return (
    <Tabs value={value} onChange={(v) => v && void navigate(v)} mb="sm">
      <Tabs.List>
        {TABS.map(([to, label]) => (
          <Tabs.Tab key={to} value={to}>
            {t(label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {/* The tabs lead to pages: empty panels, so each tab's aria-controls names an element that exists. */}
      {TABS.map(([to]) => (
        <Tabs.Panel key={to} value={to}>
          {null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
