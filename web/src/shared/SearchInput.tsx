import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

type Props = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  width?: number;
  autoFocus?: boolean;
};

/** A screen's main search: the field Ctrl+K and / focus (data-page-search). */
export function SearchInput({ label, placeholder, value, onChange, testId, width = 340, autoFocus = true }: Props) {
  return (
    <TextInput
      w={width}
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={14} />}
      data-page-search
      data-testid={testId}
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
