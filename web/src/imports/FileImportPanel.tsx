import { Alert, Button, FileInput, Group, Stack } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import type { ImportIssue, ImportMode, ImportReport } from '../api/types.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { commitChoices, rowErrorsOf } from './import-state.ts';
import { RowErrorsTable } from './RowErrorsTable.tsx';

/**
 * A CSV / .xlsx upload the way every import works: check first (nothing written), then import a clean file, or only
 * its valid rows, said explicitly; the row-by-row errors below. `onWritten` runs after a commit wrote something.
 */
export function FileImportPanel({
  url,
  onWritten,
  testIdPrefix = 'import',
  children,
}: {
  url: string;
  onWritten: () => void;
  testIdPrefix?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [rowErrors, setRowErrors] = useState<ImportIssue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ImportMode | null>(null);

  const run = async (mode: ImportMode) => {
    if (!file) return;
    const form = new FormData();
    form.append('mode', mode); // fields before the file: the server reads the stream in order
    form.append('file', file);
    setBusy(mode);
    setError(null);
    try {
      const answer = await api.post<ImportReport>(url, form);
      setResult(answer);
      setRowErrors(answer.errors);
      if (mode !== 'validate' && answer.written > 0) onWritten();
    } catch (e) {
      setError(e);
      setRowErrors(e instanceof ApiError ? rowErrorsOf(e.body) : []);
    } finally {
      setBusy(null);
    }
  };
  const choices = commitChoices(result);

  return (
    <Stack gap="sm">
      {children}
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
          setResult(null);
          setRowErrors([]);
          setError(null);
        }}
      />
      <Group gap="xs">
        <Button
          variant="default"
          disabled={!file}
          loading={busy === 'validate'}
          data-testid={`${testIdPrefix}-validate`}
          onClick={() => void run('validate')}
        >
          {t('imports.validate')}
        </Button>
        <Button
          disabled={!choices.commit}
          loading={busy === 'commit'}
          data-testid={`${testIdPrefix}-commit`}
          onClick={() => void run('commit')}
        >
          {t('imports.commit')}
        </Button>
        <Button
          color="orange"
          variant="light"
          disabled={!choices.commitValid}
          loading={busy === 'commit-valid'}
          data-testid={`${testIdPrefix}-commit-valid`}
          onClick={() => void run('commit-valid')}
        >
          {t('imports.commitValid')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {result && (
        <Alert color={result.errors.length ? 'orange' : 'teal'} data-testid={`${testIdPrefix}-summary`}>
          {t(result.mode === 'validate' ? 'imports.checked' : 'imports.written', {
            total: result.totalRows,
            valid: result.validRows,
            written: result.written,
            errors: result.errors.length,
          })}
        </Alert>
      )}
      <RowErrorsTable errors={rowErrors} testId={`${testIdPrefix}-errors`} />
    </Stack>
  );
}
