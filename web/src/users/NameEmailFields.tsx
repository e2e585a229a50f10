import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Who is given an account (a colleague, a customer's buyer): her name and the address her one-time link goes to. */
export function NameEmailFields({
  name,
  email,
  errors,
  onName,
  onEmail,
}: {
  name: string;
  email: string;
  errors: Record<string, string | undefined>;
  onName: (value: string) => void;
  onEmail: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="sm">
      <TextInput
        label={t('users.name')}
        required
        data-autofocus
        value={name}
        error={errors.name}
        onChange={(e) => onName(e.currentTarget.value)}
      />
      <TextInput
        label={t('users.email')}
        type="email"
        required
        value={email}
        error={errors.email}
        onChange={(e) => onEmail(e.currentTarget.value)}
      />
    </SimpleGrid>
  );
}
