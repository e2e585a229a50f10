import { Alert, Anchor, Button, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import { api, ApiError } from '../api/client.ts';
import { IMPORT_KINDS, type ImportKind, type ImportMode, type ImportResult, type ImportRowError } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { commitChoices, rowErrorsOf } from './import-state.ts';

export function ImportsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('products');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ImportMode | null>(null);

  if (!can(MASTER_DATA_ADMINS)) return <Alert color="gray">{t('errors.forbidden')}</Alert>;

  const reset = () => {
    setResult(null);
    setRowErrors([]);
    setError(null);
  };
  const run = async (mode: ImportMode) => {
    if (!file) return;
    const form = new FormData();
    form.append('mode', mode); // fields before the file: the server reads the stream in order
    form.append('file', file);
    setBusy(mode);
    setError(null);
    try {
      const answer = await api.post<ImportResult>(`/api/imports/${kind}`, form);
      setResult(answer);
      setRowErrors(answer.errors);
      if (mode !== 'validate') void queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
      setRowErrors(e instanceof ApiError ? rowErrorsOf(e.body) : []);
    } finally {
      setBusy(null);
    }
  };
  const choices = commitChoices(result);

  return (
    <Stack gap="sm" maw={1100}>
      <PageTitle title={t('imports.title')} />
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group justify="space-between">
            <SegmentedControl
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                reset();
              }}
              data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            />
            <Anchor href={`/api/imports/${kind}/template.csv`} size="sm" data-testid="import-template">
              <IconDownload size={14} /> {t('imports.template')}
            </Anchor>
          </Group>
          <FileInput
            size="sm"
            w={420}
            label={t('imports.file')}
            placeholder={t('imports.filePlaceholder')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileUpload size={14} />}
            clearable
            value={file}
            onChange={(f) => {
              setFile(f);
              reset();
            }}
          />
          <Group gap="xs">
            <Button variant="default" disabled={!file} loading={busy === 'validate'} data-testid="import-validate" onClick={() => void run('validate')}>
              {t('imports.validate')}
            </Button>
            <Button disabled={!choices.commit} loading={busy === 'commit'} data-testid="import-commit" onClick={() => void run('commit')}>
              {t('imports.commit')}
            </Button>
            <Button color="orange" variant="light" disabled={!choices.commitValid} loading={busy === 'commit-valid'} data-testid="import-commit-valid" onClick={() => void run('commit-valid')}>
              {t('imports.commitValid')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={error} />
      {result && (
        <Alert color={result.errors.length ? 'orange' : 'teal'} data-testid="import-summary">
          {t(result.mode === 'validate' ? 'imports.checked' : 'imports.written', { total: result.totalRows, valid: result.validRows, written: result.written, errors: result.errors.length })}
        </Alert>
      )}
      {rowErrors.length > 0 && (
        <Paper withBorder>
          <Table striped data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('imports.row')}</Table.Th>
                <Table.Th w={180}>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rowErrors.map((e, i) => (
                <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td ff="monospace">{e.column}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.reason}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
