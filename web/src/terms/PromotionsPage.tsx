import { Badge, Button, Loader, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { parisToday } from '../shared/clock.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { TermsTabs } from './TermsTabs.tsx';
import type { Mechanism, PromotionView } from './types.ts';
import { actionRow } from '../shared/action-row.ts';
import { useLanguage } from '../shared/use-language.ts';

export function useMechanismText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (m: Mechanism) =>
    m.kind === 'percent'
      ? t('promotions.percentText', {
          rate: fmt.rate(m.discountBp),
          min: m.minPalletsPerLine
            ? t('promotions.fromPallets', { count: m.minPalletsPerLine })
            : t('promotions.fromUnits', { count: m.minQuantityPerLine }),
        })
      : m.kind === 'free-goods'
        ? t('promotions.freeGoodsText', { buy: m.buy, free: m.free })
        : t('promotions.tierText', { min: m.forcedMinQuantity });
}

/** Every promotion, newest first, with its period, its audience and what it gives; running ones marked. */
export function PromotionsPage() {
  const { t } = useTranslation();
  const en = useLanguage() === 'en';
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const catalogue = useCatalogue();
  const mechanism = useMechanismText();
  const query = useQuery({ queryKey: ['promotions'], queryFn: () => api.get<PromotionView[]>('/api/promotions') });
  const today = parisToday();
  return (
    <>
      <PageTitle title={t('terms.title')}>
        {can(CUSTOMER_EDITORS) && (
          <Button component={Link} to="/terms/promotions/new" leftSection={<IconPlus size={14} />} data-testid="promotion-new">
            {t('promotions.new')}
          </Button>
        )}
      </PageTitle>
      <TermsTabs />
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Loader />
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="promotions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('promotions.name')}</Table.Th>
                <Table.Th>{t('promotions.period')}</Table.Th>
                <Table.Th>{t('promotions.audience')}</Table.Th>
                <Table.Th>{t('promotions.products')}</Table.Th>
                <Table.Th>{t('promotions.mechanism')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data ?? []).map((p) => (
                <Table.Tr key={p.id} {...actionRow(() => void navigate(`/terms/promotions/${p.id}`))}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}{' '}
                      {p.from <= today && today <= p.to && (
                        <Badge size="xs" color="green" variant="light">
                          {t('promotions.running')}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
                      {(en && p.pitchEn) || p.pitchFr}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {fmt.date(p.from)} → {fmt.date(p.to)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[
                        ...(p.typologies ?? []).map((x) => t(`typologies.${x}`)),
                        ...(p.customerIds ? [t('promotions.namedCustomers', { count: p.customerIds.length })] : []),
                      ].join(', ') || t('promotions.everyone')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {p.productIds.map((id) => catalogue.byId.get(id)?.code ?? id).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{mechanism(p.mechanism)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
