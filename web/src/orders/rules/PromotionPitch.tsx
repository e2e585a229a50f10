import { Alert, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Promotion } from '../../../../core/pricing/pricing.types.ts';
import { useFormat } from '../../shared/use-format.ts';
import { useLanguage } from '../../shared/use-language.ts';

/** The pitch the assistant reads to an eligible customer on the phone, highlighted at the top of the entry. */
export function PromotionPitch({ promotions }: { promotions: readonly Promotion[] }) {
  const { t } = useTranslation();
  const en = useLanguage() === 'en';
  const fmt = useFormat();
  if (promotions.length === 0) return null;
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconSpeakerphone size={18} />}
      title={t('rules.pitchTitle')}
      data-testid="order-promotion-pitch"
      py="xs"
    >
      <Stack gap={4}>
        {promotions.map((p) => (
          <Text size="sm" key={p.id} data-testid={`order-promotion-${p.code}`}>
            <b>{p.name}</b> ({t('rules.until', { date: fmt.date(p.to) })}) — {en && p.pitchEn ? p.pitchEn : p.pitchFr}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
