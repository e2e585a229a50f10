import { Alert, Anchor, Badge, Button, Code, CopyButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import type { EdiPartner } from '../../../core/edi/edi.schemas.ts';
import { useEdiPartners, useRotateEdiToken } from './use-edi.ts';

/**
 * The EDI partners: who may send us interchanges, by which GLN, through which folders, and whether their orders
 * are confirmed on their own. A new API token replaces the old one at once and is shown here once, never again.
 */
export function EdiPartnersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const partners = useEdiPartners();
  const rotate = useRotateEdiToken();
  const [asking, setAsking] = useState<EdiPartner | null>(null);
  const [shown, setShown] = useState<{ partner: EdiPartner; token: string } | null>(null);

  const confirm = () => {
    const partner = asking!;
    rotate.mutate(partner.id, {
      onSuccess: ({ token }) => {
        setAsking(null);
        setShown({ partner, token });
      },
    });
  };

  return (
    <>
      <PageTitle title={t('ediPartners.title')} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('ediPartners.intro')}
      </Text>
      {partners.error && <ErrorAlert error={partners.error} />}
      <Table data-testid="edi-partners" verticalSpacing="xs">
        <Table.Thead style={{ whiteSpace: 'nowrap' }}>
          <Table.Tr>
            <Table.Th>{t('ediPartners.name')}</Table.Th>
            <Table.Th>{t('ediPartners.gln')}</Table.Th>
            <Table.Th>{t('ediPartners.folders')}</Table.Th>
            <Table.Th>{t('ediPartners.autoConfirm')}</Table.Th>
            <Table.Th>{t('ediPartners.token')}</Table.Th>
            <Table.Th>{t('ediPartners.since')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(partners.data?.items ?? []).map((p) => (
            <Table.Tr key={p.id} data-testid={`edi-partner-${p.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${p.customerId}`} size="sm">
                  {p.name}
                </Anchor>
                {!p.active && (
                  <Badge ml="xs" size="sm" color="gray" variant="light" tt="none">
                    {t('ediPartners.inactive')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{p.gln}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  edi/in/{p.inboxFolder}/ · edi/out/{p.outboxFolder}/
                </Text>
              </Table.Td>
              <Table.Td>{p.autoConfirm ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" tt="none" color={p.hasToken ? 'teal' : 'orange'}>
                  {p.hasToken ? t('ediPartners.hasToken') : t('ediPartners.noToken')}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(p.createdAt.slice(0, 10))}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setAsking(p)} data-testid="edi-rotate-token">
                  {p.hasToken ? t('ediPartners.rotate') : t('ediPartners.create')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t('ediPartners.rotateTitle', { name: asking?.name ?? '' })}
        size="md"
      >
        <Stack gap="sm">
          <Text size="sm">{asking?.hasToken ? t('ediPartners.rotateWarning') : t('ediPartners.createWarning')}</Text>
          {rotate.error && <ErrorAlert error={rotate.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={rotate.isPending} onClick={confirm} data-testid="edi-rotate-confirm">
              {asking?.hasToken ? t('ediPartners.rotate') : t('ediPartners.create')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={t('ediPartners.newToken', { name: shown?.partner.name ?? '' })}
        size="lg"
        closeOnClickOutside={false}
      >
        {shown && (
          <Stack gap="sm">
            <Alert color="orange" variant="light">
              {t('ediPartners.shownOnce')}
            </Alert>
            <Group gap="xs" wrap="nowrap">
              <Code block style={{ flex: 1 }} data-testid="edi-new-token">
                {shown.token}
              </Code>
              <CopyButton value={shown.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? t('ediPartners.copied') : t('ediPartners.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('ediPartners.usage')}
            </Text>
            <Code
              block
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            >{`curl -X POST --data-binary @orders.edi -H "Authorization: Bearer ${shown.token}" ${window.location.origin}/api/edi/interchanges`}</Code>
            <Group justify="flex-end">
              <Button onClick={() => setShown(null)}>{t('ediPartners.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
