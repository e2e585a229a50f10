import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only label and value, as on a record's header; a dash when there is no value. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children === null || children === undefined || children === '' ? '—' : children}
      </Text>
    </div>
  );
}
