import { Anchor, Badge, Group, Image, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundValue, IntakeDetail, IntakePart } from '../../../core/intake/intake.schemas.ts';
import { documentUrl } from '../api/documents.ts';
import { useFormat } from '../shared/use-format.ts';
import { ConfidenceBadge, confidenceColor } from './ConfidenceBadge.tsx';

/** A part's text with what was found in it marked, each mark saying what it was read as and how sure. */
function MarkedText({ part, index, values }: { part: IntakePart; index: number; values: readonly FoundValue[] }) {
  const { t } = useTranslation();
  const marks = values.filter((v) => v.where.part === index).sort((a, b) => a.where.start - b.where.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const v of marks) {
    if (v.where.start < at) continue;
    out.push(part.text.slice(at, v.where.start));
    out.push(
      <mark
        key={`${v.kind}-${v.where.start}`}
        data-testid="found-value"
        title={`${t(`intake.kinds.${v.kind}`)} : ${v.value} (${Math.round(v.confidence * 100)} %)`}
        style={{ background: `var(--mantine-color-${confidenceColor(v.confidence)}-1)`, borderRadius: 3, padding: '0 2px' }}
      >
        {part.text.slice(v.where.start, v.where.end)}
      </mark>,
    );
    at = v.where.end;
  }
  out.push(part.text.slice(at));
  return (
    <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }} data-testid={`part-${part.kind}`}>
      {out}
    </Text>
  );
}

/** The email or fax as received: who sent it, each part (the text, the PDF, the image) with what was found marked. */
export function OriginalPanel({ item }: { item: IntakeDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" data-testid="intake-original">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{item.subject ?? t('intake.noSubject')}</Title>
          {item.rawDocumentId && (
            <Anchor size="xs" href={documentUrl(item.rawDocumentId)} target="_blank">
              {t('intake.rawMessage')}
            </Anchor>
          )}
        </Group>
        <Text size="sm">
          {t('intake.from')} : {item.fromName ? `${item.fromName} <${item.fromAddress}>` : item.fromAddress} —{' '}
          {fmt.dateTime(item.receivedAt)}
        </Text>
        <Group gap="xs">
          <Text size="sm">
            {t('intake.customer')} : <b>{item.customerName ?? t('intake.unknownSender')}</b>
          </Text>
          {item.customerId !== null && (
            <Badge variant="light" color={confidenceColor(item.sender.confidence)}>
              {t(`intake.senderBy.${item.sender.by}`)}
            </Badge>
          )}
        </Group>
        <ScrollArea.Autosize mah={520} type="auto">
          <Stack gap="sm">
            {item.parts.map((part, index) => (
              <Fragment key={index}>
                {part.kind !== 'body' && (
                  <Group gap="xs">
                    <Badge variant="outline">{t(`intake.partKinds.${part.kind}`)}</Badge>
                    {part.documentId && (
                      <Anchor size="xs" href={documentUrl(part.documentId)} target="_blank">
                        {part.filename ?? t('intake.attachment')}
                      </Anchor>
                    )}
                    {part.ocrConfidence !== null && (
                      <Text size="xs" c="dimmed">
                        {t('intake.ocr', { percent: Math.round(part.ocrConfidence * 100) })}
                      </Text>
                    )}
                  </Group>
                )}
                {part.kind === 'image' && part.documentId && (
                  <Image src={documentUrl(part.documentId)} alt={part.filename ?? ''} radius="sm" />
                )}
                <MarkedText part={part} index={index} values={item.found.values} />
              </Fragment>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {item.found.lines.length > 0 && (
          <Table withTableBorder data-testid="found-lines" fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intake.readAs')}</Table.Th>
                <Table.Th>{t('intake.product')}</Table.Th>
                <Table.Th ta="right">{t('intake.quantity')}</Table.Th>
                <Table.Th>{t('intake.confidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.found.lines.map((line, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{line.text.trim().slice(0, 60)}</Table.Td>
                  <Table.Td>
                    {line.productCode}{' '}
                    <Text span size="xs" c="dimmed">
                      ({line.via ? t(`intake.via.${line.via}`) : '—'})
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {line.quantity ?? '?'}{' '}
                    {line.readQuantity !== null && line.unit && (
                      <Text span size="xs" c="dimmed">
                        ({t('intake.readQuantity', { quantity: line.readQuantity, unit: t(`intake.units.${line.unit}`) })})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ConfidenceBadge value={line.confidence} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
