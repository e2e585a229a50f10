import { Alert, Button, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SCRIPT_EDITORS } from '../../../core/auth/roles.ts';
import { TYPOLOGIES, type Typology } from '../../../core/customers/customer-enums.ts';
import {
  CALL_SCRIPT_PARTS,
  CALL_SCRIPT_SCREENS,
  type CallScriptScreen,
  type CallScriptText,
  defaultCallScript,
} from '../../../core/scripts/call-scripts.ts';
import type { CallScriptAnswer } from '../../../core/scripts/call-scripts.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { TermsTabs } from '../terms/TermsTabs.tsx';
import { CallScript } from './CallScript.tsx';
import { useCallScripts } from './use-call-scripts.ts';

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

/**
 * "Scripts d'appel": a typology's script on each call screen, as the desk reads it; the manager rewrites it here.
 * He writes in the desk's language (the French text is the one he starts from) and the desk reads his words as
 * written, whatever the screen's language.
 */
export function CallScriptsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const typology = oneOf(TYPOLOGIES, params.get('typology'), 'ARTISAN');
  const screen = oneOf(CALL_SCRIPT_SCREENS, params.get('screen'), 'risk');
  const scripts = useCallScripts();
  const script = scripts.data?.items.find((s) => s.typology === typology && s.screen === screen);
  const choose = (next: { typology?: Typology; screen?: CallScriptScreen }) =>
    setParams({ typology: next.typology ?? typology, screen: next.screen ?? screen }, { replace: true });
  return (
    <>
      <PageTitle title={t('terms.title')} />
      <TermsTabs />
      <Stack gap="sm" maw={1200}>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('scripts.typology')}
            value={typology}
            onChange={(v) => choose({ typology: v as Typology })}
            data={TYPOLOGIES.map((v) => ({ value: v, label: t(`typologies.${v}`) }))}
            data-testid="scripts-typology"
          />
          <SegmentedControl
            aria-label={t('scripts.screen')}
            value={screen}
            onChange={(v) => choose({ screen: v as CallScriptScreen })}
            data={CALL_SCRIPT_SCREENS.map((v) => ({ value: v, label: t(`scripts.screens.${v}`) }))}
            data-testid="scripts-screen"
          />
        </Group>
        <ErrorAlert error={scripts.error} />
        {scripts.isPending && <Loader />}
        {script && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {can(SCRIPT_EDITORS) ? (
              <ScriptForm key={`${typology}-${screen}`} script={script} />
            ) : (
              <Alert variant="light" color="gray">
                {t('scripts.managersOnly')}
              </Alert>
            )}
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('scripts.preview')}
              </Text>
              <CallScript typology={typology} screen={screen} editable={false} />
            </div>
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

function ScriptForm({ script }: { script: CallScriptAnswer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [values, setValues] = useState<CallScriptText>(script.text.fr);
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => setSaved(false), [values]);
  const blank = CALL_SCRIPT_PARTS.filter((part) => !values[part].trim());
  const form = useSubmit(
    () => api.put<CallScriptAnswer>(`/api/call-scripts/${script.typology}/${script.screen}`, values),
    () => {
      void client.invalidateQueries({ queryKey: ['call-scripts'] });
      setSaved(true);
    },
  );
  // Back to Carnet's words (in each language again): his are removed, audited.
  const reset = useMutation({
    mutationFn: () => api.delete(`/api/call-scripts/${script.typology}/${script.screen}`),
    onSuccess: () => {
      setValues(defaultCallScript(script.typology, script.screen, 'fr'));
      void client.invalidateQueries({ queryKey: ['call-scripts'] });
    },
  });
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(e) => {
        // A blank part is caught here, in the user's words, before the server's pattern refuses it.
        setTried(true);
        if (blank.length) e.preventDefault();
        else form.handleSubmit(e);
      }}
      data-testid="script-form"
    >
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {script.edited
            ? t('scripts.editedBy', { name: script.edited.byName ?? '—', at: fmt.dateTime(script.edited.at) })
            : t('scripts.default')}
        </Text>
        {CALL_SCRIPT_PARTS.map((part) => (
          <Textarea
            key={part}
            label={t(`scripts.parts.${part}`)}
            description={part === 'opening' ? t('scripts.oneLine') : undefined}
            value={values[part]}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setValues((v) => ({ ...v, [part]: text }));
            }}
            error={form.errors[part] ?? (tried && blank.includes(part) ? t('fieldErrors.required') : undefined)}
            autosize
            minRows={2}
            maxRows={8}
            data-testid={`script-${part}`}
          />
        ))}
        <ErrorAlert error={form.generalError ?? reset.error} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('scripts.asWritten')}
          </Text>
          <Group gap="xs">
            {script.edited && (
              <Button variant="default" loading={reset.isPending} onClick={() => reset.mutate()} data-testid="script-reset">
                {t('scripts.reset')}
              </Button>
            )}
            <Button type="submit" loading={form.busy} data-testid="script-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
        {saved && (
          <Alert color="green" variant="light" p="xs" data-testid="script-saved">
            {t('scripts.saved')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
