import { Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../core/shared/bilingual.ts';
import { useFormat } from '../../shared/use-format.ts';
import { useBilingual } from './bilingual.ts';

export type ShownSuggestion = { id: string; kind: string; description: Bilingual; savingCents: number; orderChangeCents: number };

/** What would save the customer money, best first; each applied in one click, or Alt+its number at entry. */
export function SuggestionsPanel({
  suggestions,
  onApply,
  shortcuts,
}: {
  suggestions: readonly ShownSuggestion[];
  onApply?: (index: number) => void;
  shortcuts?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const say = useBilingual();
  if (suggestions.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="order-suggestions">
      <Group gap={6} mb={6}>
        <IconBulb size={16} />
        <Title order={6}>{t('rules.suggestions')}</Title>
      </Group>
      <Stack gap={8}>
        {suggestions.map((s, i) => (
          <Stack key={s.id} gap={2} data-testid={`order-suggestion-${i + 1}`} data-kind={s.kind}>
            <Text size="xs">{say(s.description)}</Text>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Stack gap={0}>
                <Text size="xs" c="green.8" fw={600}>
                  {s.savingCents > 0 ? t('rules.saving', { amount: fmt.money(s.savingCents) }) : t('rules.noSaving')}
                </Text>
                {s.orderChangeCents !== 0 && (
                  <Text size="xs" c="dimmed" data-testid={`order-suggestion-${i + 1}-spend`}>
                    {t(s.orderChangeCents > 0 ? 'rules.spendsMore' : 'rules.spendsLess', {
                      amount: fmt.money(Math.abs(s.orderChangeCents)),
                    })}
                  </Text>
                )}
              </Stack>
              {onApply && (
                <Button
                  size="compact-xs"
                  variant="light"
                  data-testid={`order-suggestion-${i + 1}-apply`}
                  onClick={() => onApply(i)}
                  rightSection={shortcuts && i < 9 ? <Kbd size="xs">Alt+{i + 1}</Kbd> : undefined}
                >
                  {t('rules.apply')}
                </Button>
              )}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
