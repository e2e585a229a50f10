import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { HINTS as ENTRY_HINTS, LITERAL } from '../orders/entry/ShortcutHints.tsx';

type Shortcut = { keys: string[]; label: string };

/** Key caps are words in the user's language where they have one (Entrée, Suppr), else as printed. */
const CAPS: Record<string, string> = { ...LITERAL, n: 'N', a: 'A', k: 'K' };

const SECTIONS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'shortcuts.everywhere',
    shortcuts: [
      { keys: ['alt', 'n'], label: 'shortcuts.newOrder' },
      { keys: ['alt', 'a'], label: 'shortcuts.inboundCall' },
      { keys: ['ctrl', 'k'], label: 'shortcuts.search' },
      { keys: ['/'], label: 'shortcuts.pageSearch' },
      { keys: ['?'], label: 'shortcuts.help' },
      { keys: ['tab'], label: 'shortcuts.tab' },
    ],
  },
  {
    title: 'shortcuts.lists',
    shortcuts: [
      { keys: ['up', 'down'], label: 'shortcuts.rowsMove' },
      { keys: ['home', 'end'], label: 'shortcuts.rowsEnds' },
      { keys: ['enter'], label: 'shortcuts.rowsOpen' },
    ],
  },
  {
    title: 'shortcuts.entry',
    shortcuts: [...ENTRY_HINTS, { keys: ['alt', 'down'], label: 'shortcuts.calendar' }],
  },
  { title: 'shortcuts.dialogs', shortcuts: [{ keys: ['esc'], label: 'shortcuts.escape' }] },
];

const CHORD_STARTS = new Set(['ctrl', 'alt', 'shift']);

function Keys({ keys }: { keys: string[] }) {
  const { t, i18n } = useTranslation();
  const cap = (k: string) => (i18n.exists(`keys.${k}`) ? t(`keys.${k}`) : (CAPS[k] ?? k));
  return (
    <Group gap={2} wrap="nowrap">
      {keys.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && <Text span>{CHORD_STARTS.has(keys[0]) ? '+' : ' '}</Text>}
          <Kbd size="xs">{cap(k)}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

/** Every keyboard shortcut of the desk, on ? from any screen (outside a field): the promise of the keyboard, written down. */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="xl" data-testid="shortcuts-help">
      <SimpleGrid cols={2} spacing="lg">
        {SECTIONS.map((section) => (
          <Stack gap={4} key={section.title}>
            <Title order={2} size="h5">
              {t(section.title)}
            </Title>
            <Table fz="sm" verticalSpacing={3}>
              <Table.Tbody>
                {section.shortcuts.map((s) => (
                  <Table.Tr key={s.label}>
                    <Table.Td w={130}>
                      <Keys keys={s.keys} />
                    </Table.Td>
                    <Table.Td>{t(s.label)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
