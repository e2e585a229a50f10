import { Group, Kbd, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

export const HINTS: { keys: string[]; label: string }[] = [
  { keys: ['enter'], label: 'entry.hints.enter' },
  { keys: ['up', 'down'], label: 'entry.hints.arrows' },
  { keys: ['delete'], label: 'entry.hints.delete' },
  { keys: ['ctrl', 'enter'], label: 'entry.hints.confirm' },
  { keys: ['ctrl', 's'], label: 'entry.hints.draft' },
  { keys: ['alt', '1…9'], label: 'rules.applyHint' },
];

/** Key caps without a translation of their own (Alt, the digits) are written as they are printed. */
export const LITERAL: Record<string, string> = { alt: 'Alt', '1…9': '1…9' };

/** The keys of the screen, always in sight: nobody reads a manual at the phone. */
export function ShortcutHints() {
  const { t } = useTranslation();
  return (
    <Group gap="md" data-testid="order-shortcuts">
      {HINTS.map((hint) => (
        <Text size="xs" c="dimmed" key={hint.label}>
          {hint.keys.map((k, i) => (
            <Fragment key={k}>
              {i > 0 && (hint.keys[0] === 'ctrl' || hint.keys[0] === 'alt' ? '+' : ' ')}
              <Kbd size="xs">{LITERAL[k] ?? t(`keys.${k}`)}</Kbd>
            </Fragment>
          ))}{' '}
          {t(hint.label)}
        </Text>
      ))}
    </Group>
  );
}
