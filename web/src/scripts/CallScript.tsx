import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SCRIPT_EDITORS } from '../../../core/auth/roles.ts';
import { CALL_SCRIPT_PARTS, scriptLines, type CallScriptScreen } from '../../../core/scripts/call-scripts.ts';
import { useAuth } from '../app/auth.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';
import { useCallScripts } from './use-call-scripts.ts';

/**
 * What to say on a call, in the customer's typology's voice: how to open, what to ask, how to calm a conflict, how
 * to close. `lead`: this call's own sentences (the risk's order and options), said after the opening.
 */
export function CallScript({
  typology,
  screen,
  lead,
  editable = true,
}: {
  typology: string;
  screen: CallScriptScreen;
  lead?: string[];
  /** false: no link to the scripts' editor (the editor's own preview). */
  editable?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const { can } = useAuth();
  const scripts = useCallScripts();
  const script = scripts.data?.items.find((s) => s.typology === typology && s.screen === screen);
  if (!script) return null;
  const text = script.text[lang];
  const quoted = (line: string) => (lang === 'fr' ? `« ${line} »` : `“${line}”`);
  return (
    <Alert
      variant="light"
      color="gray"
      p="xs"
      data-testid={`call-script-${screen}`}
      title={
        <Group gap="xs">
          {t('scripts.title', { typology: t(`typologies.${typology}`, { defaultValue: typology }) })}
          {editable && can(SCRIPT_EDITORS) && (
            <Anchor component={Link} size="xs" to={`/terms/scripts?typology=${typology}&screen=${screen}`}>
              {t('scripts.edit')}
            </Anchor>
          )}
        </Group>
      }
    >
      <Stack gap={6}>
        {CALL_SCRIPT_PARTS.map((part) => (
          <div key={part} data-testid={`call-script-${part}`}>
            <Text size="xs" fw={700} c={part === 'calming' ? 'orange.9' : 'dimmed'} tt="uppercase">
              {t(`scripts.parts.${part}`)}
            </Text>
            {scriptLines(text[part]).map((l, i) => (
              <Text key={i} size="sm" fs="italic">
                {quoted(l)}
              </Text>
            ))}
            {part === 'opening' && lead?.length ? (
              <Stack gap={0} mt={4} data-testid="call-script-lead">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t('scripts.thisCall')}
                </Text>
                {lead.map((l) => (
                  <Text key={l} size="sm" fs="italic">
                    {quoted(l)}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </div>
        ))}
        {script.edited && (
          <Text size="xs" c="dimmed">
            {t('scripts.editedBy', { name: script.edited.byName ?? '—', at: fmt.dateTime(script.edited.at) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
