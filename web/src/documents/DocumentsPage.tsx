import { Anchor, Badge, Group, Loader, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DERIVED_KINDS, DOCUMENT_KINDS, INBOUND_KINDS, type DocumentKind } from '../../../core/documents/document-kinds.ts';
import type { DocumentList } from '../../../core/documents/document-search.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { documentUrl } from '../api/documents.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { DateField } from '../shared/DateField.tsx';

/**
 * Every document Carnet keeps, newest first: found by customer, order, kind, number or words, and filing dates;
 * each with the order and customer it belongs to, who filed it, and its version among the order's files of its kind.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const filters = {
    q: params.get('q'),
    kind: params.get('kind'),
    customerId: params.get('customerId'),
    orderId: params.get('orderId'),
    from: params.get('from'),
    to: params.get('to'),
  };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const query = useQuery({
    queryKey: ['documents', filters],
    queryFn: () => api.get<DocumentList>(withQuery('/api/documents', filters)),
  });
  const kindLabel = (kind: string) => ((DOCUMENT_KINDS as readonly string[]).includes(kind) ? t(`documents.kinds.${kind}`) : kind);
  return (
    <>
      <PageTitle title={t('documents.title')} />
      <Group mb="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('documents.search')}
          placeholder={t('documents.searchHint')}
          leftSection={<IconSearch size={14} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set('q', text.trim() || null);
          }}
          onBlur={() => set('q', text.trim() || null)}
          w={340}
          data-testid="documents-search"
        />
        <Select
          label={t('documents.kind')}
          placeholder={t('common.all')}
          clearable
          data={DOCUMENT_KINDS.filter((k) => !DERIVED_KINDS.includes(k)).map((k) => ({ value: k, label: kindLabel(k) }))}
          value={filters.kind}
          onChange={(v) => set('kind', v)}
          w={240}
          data-testid="documents-kind"
        />
        <DateField label={t('documents.from')} value={filters.from ?? ''} onChange={(v) => set('from', v || null)} w={160} />
        <DateField label={t('documents.to')} value={filters.to ?? ''} onChange={(v) => set('to', v || null)} w={160} />
        {(filters.customerId || filters.orderId) && (
          <Badge
            variant="light"
            size="lg"
            style={{ cursor: 'pointer' }}
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t('documents.clearRecord')} ✕
          </Badge>
        )}
      </Group>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Loader />
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="documents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.filed')}</Table.Th>
                <Table.Th>{t('documents.kind')}</Table.Th>
                <Table.Th>{t('documents.number')}</Table.Th>
                <Table.Th>{t('documents.customer')}</Table.Th>
                <Table.Th>{t('documents.order')}</Table.Th>
                <Table.Th>{t('documents.version')}</Table.Th>
                <Table.Th>{t('documents.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data?.documents ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text size="sm">{fmt.dateTime(d.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {d.createdByName ?? t('documents.bySystem')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} c={INBOUND_KINDS.includes(d.kind as DocumentKind) ? 'teal' : 'blue'}>
                      {kindLabel(d.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {d.number ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.customer ? (
                      <Anchor component={Link} to={`/customers/${d.customer.id}`} size="sm">
                        {d.customer.code} · {d.customer.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.order ? (
                      <Anchor component={Link} to={`/orders/${d.order.id}`} size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {d.order.number}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.version !== null && d.versions !== null && d.versions > 1 ? (
                      <Anchor size="sm" onClick={() => setParams(new URLSearchParams({ orderId: String(d.order!.id), kind: d.kind }))}>
                        {t('documents.versionOf', { version: d.version, versions: d.versions })}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {d.version ?? '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={documentUrl(d.id)} target="_blank" size="sm">
                      <IconDownload size={14} /> {d.filename}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('documents.size', { kb: fmt.number(Math.max(1, Math.round(d.sizeBytes / 1024))) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!query.data?.documents.length && (
            <Text c="dimmed" p="md">
              {t('common.none')}
            </Text>
          )}
          {query.data?.truncated && (
            <Text c="dimmed" size="sm" p="sm">
              {t('documents.truncated')}
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
