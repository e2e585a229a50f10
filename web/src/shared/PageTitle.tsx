import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen's title with its actions on the right. */
export function PageTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Title order={3}>{title}</Title>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
