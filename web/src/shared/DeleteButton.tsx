import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function DeleteButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('common.delete')} onClick={onClick}>
      <IconTrash size={14} />
    </ActionIcon>
  );
}
