import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerSummary } from '../../api/types.ts';

/** Who is on the phone, to check before taking the lines: code, kind of account, town, number. */
export function CustomerCard({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" mt={24} data-testid="order-customer-card">
      <Anchor component={Link} to={`/customers/${customer.id}`} tabIndex={-1} ff="monospace" size="sm">
        {customer.code}
      </Anchor>
      <Badge size="sm" variant="light" tt="none">
        {t(`typologies.${customer.typology}`)}
      </Badge>
      <Text size="sm">
        {customer.postcode} {customer.city}
      </Text>
      {customer.phone && (
        <Anchor href={`tel:${customer.phone.replace(/\s/g, '')}`} tabIndex={-1} size="sm">
          {customer.phone}
        </Anchor>
      )}
    </Group>
  );
}
