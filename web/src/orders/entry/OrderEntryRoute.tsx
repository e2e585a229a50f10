import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import { useAuth } from '../../app/auth.tsx';
import { OrderEntryPage } from './OrderEntryPage.tsx';

/** Alt+N on the entry screen starts a fresh order: a new navigation gives the page a new key, so a clean state. */
export function OrderEntryRoute() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const location = useLocation();
  if (!can(ORDER_DESK)) return <Alert color="gray">{t('errors.forbidden')}</Alert>;
  return <OrderEntryPage key={location.key} />;
}
