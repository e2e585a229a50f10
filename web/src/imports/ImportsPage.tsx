import { Alert, Anchor, Group, Paper, SegmentedControl, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import { IMPORT_KINDS, type ImportKindName } from '../../../core/imports/import-kinds.ts';
import { useAuth } from '../app/auth.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { FileImportPanel } from './FileImportPanel.tsx';

export function ImportsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKindName>('products');

  if (!can(MASTER_DATA_ADMINS)) return <Alert color="gray">{t('errors.forbidden')}</Alert>;

  return (
    <Stack gap="sm" maw={1100}>
      <PageTitle title={t('imports.title')} />
      <Paper withBorder p="sm">
        {/* Keyed by kind: another kind starts from a fresh file and report. */}
        <FileImportPanel key={kind} url={`/api/imports/${kind}`} onWritten={() => void queryClient.invalidateQueries()}>
          <Group justify="space-between">
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as ImportKindName)}
              data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            />
            <Anchor href={`/api/imports/${kind}/template.csv`} size="sm" data-testid="import-template">
              <IconDownload size={14} /> {t('imports.template')}
            </Anchor>
          </Group>
        </FileImportPanel>
      </Paper>
    </Stack>
  );
}
