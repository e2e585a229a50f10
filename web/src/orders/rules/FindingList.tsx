import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconInfoCircle, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../core/orders/findings.types.ts';
import type { Bilingual } from '../../../../core/shared/bilingual.ts';
import { useBilingual } from './bilingual.ts';

export const SEVERITY_COLOR: Record<Severity, string> = { block: 'red', approval: 'orange', warning: 'yellow', info: 'blue' };
const ICON: Record<Severity, typeof IconBan> = {
  block: IconBan,
  approval: IconUserCheck,
  warning: IconAlertTriangle,
  info: IconInfoCircle,
};

export type ShownFinding = { rule: string; severity: Severity; message: Bilingual; after?: ReactNode; resolved?: boolean };

/** Findings with their severity's icon and colour, in the user's language; answered ones are shown dimmed. */
export function FindingList({ findings, testId, size = 'xs' }: { findings: readonly ShownFinding[]; testId?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const say = useBilingual();
  if (findings.length === 0) return null;
  return (
    <Stack gap={2} data-testid={testId}>
      {findings.map((f, i) => {
        const Icon = ICON[f.severity];
        return (
          <Group
            key={`${f.rule}-${i}`}
            gap={6}
            wrap="nowrap"
            align="flex-start"
            data-testid={testId ? `${testId}-${f.rule}` : undefined}
            data-severity={f.severity}
          >
            <ThemeIcon
              size={16}
              variant="light"
              color={f.resolved ? 'gray' : SEVERITY_COLOR[f.severity]}
              role="img"
              aria-label={t(`rules.severity.${f.severity}`)}
              title={t(`rules.severity.${f.severity}`)}
            >
              <Icon size={12} />
            </ThemeIcon>
            <Text
              size={size}
              c={f.resolved ? 'dimmed' : f.severity === 'info' ? undefined : `${SEVERITY_COLOR[f.severity]}.9`}
              style={{ flex: 1 }}
            >
              {say(f.message)}
              {f.after}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
