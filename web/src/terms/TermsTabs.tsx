import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The two faces of the terms of sale: the CGV table and the promotions. */
export function TermsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const value = useLocation().pathname.startsWith('/terms/promotions') ? '/terms/promotions' : '/terms';
  return (
    <Tabs value={value} onChange={(v) => v && void navigate(v)} mb="sm">
      <Tabs.List>
        <Tabs.Tab value="/terms">{t('terms.cgvTab')}</Tabs.Tab>
        <Tabs.Tab value="/terms/promotions">{t('terms.promotionsTab')}</Tabs.Tab>
      </Tabs.List>
      {/* The tabs lead to pages: empty panels, so each tab's aria-controls names an element that exists. */}
      <Tabs.Panel value="/terms">{null}</Tabs.Panel>
      <Tabs.Panel value="/terms/promotions">{null}</Tabs.Panel>
    </Tabs>
  );
}
