import { Group, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

/**
 * A screen's title with its actions on the right: the page's one level-one heading (drawn at the size of a section
 * title, as the desk is dense) and the browser tab's title, so a screen reader announces where the user landed.
 * A screen whose title is built otherwise (a record's number beside its badge) uses `<Title order={1} size="h3">`.
 */
export function PageTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  useDocumentTitle(typeof title === 'string' ? title : null);
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Title order={1} size="h3">
        {title}
      </Title>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}

/** "<screen> — Carnet" in the browser tab while the screen is shown. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} — Carnet`;
    return () => {
      document.title = 'Carnet';
    };
  }, [title]);
}
