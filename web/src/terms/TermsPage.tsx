import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MASTER_DATA_ADMINS } from '../../../core/auth/roles.ts';
import type { OrderMultipleUnit } from '../../../core/terms/terms.types.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { TermsTabs } from './TermsTabs.tsx';
import { euros, type TermsOfSale, toCents, type TypologyTerms } from './types.ts';
import { DEFAULT_CLAIM_TERMS } from '../../../core/terms/claim-terms.ts';

const UNITS: OrderMultipleUnit[] = ['unit', 'carton', 'layer', 'pallet'];

/** The CGV in force, one column per customer typology; the admin edits it in place and saves it whole. */
const CLAIM_FIELDS = ['visibleDamageDays', 'otherDefectDays', 'answerWithinHours', 'resolveWithinDays'] as const;

export function TermsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['terms'], queryFn: () => api.get<TermsOfSale[]>('/api/terms') });
  const [draft, setDraft] = useState<TermsOfSale | null>(null);
  useEffect(() => {
    if (query.data?.[0]) setDraft(structuredClone(query.data[0]));
  }, [query.data]);
  const editable = can(MASTER_DATA_ADMINS);
  const form = useSubmit(
    () => {
      const { id: _id, updatedAt: _u, ...body } = draft!;
      return api.put<TermsOfSale>('/api/terms', body);
    },
    () => void queryClient.invalidateQueries({ queryKey: ['terms'] }),
  );

  if (query.isPending) return <Loader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!draft) return <Text c="dimmed">{t('terms.none')}</Text>;

  const setRow = (i: number, patch: Partial<TypologyTerms>) =>
    setDraft((d) => d && { ...d, typologies: d.typologies.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  const err = (i: number, field: string) => form.errors[`typologies.${i}.${field}`];
  const num = (
    name: string,
    i: number,
    value: number | string,
    onChange: (v: number | string) => void,
    field: string,
    props: { suffix?: string; decimalScale?: number } = {},
  ) => (
    <NumberInput
      size="xs"
      w={120}
      value={value}
      onChange={onChange}
      min={0}
      readOnly={!editable}
      error={err(i, field)}
      aria-label={name}
      {...props}
    />
  );
  const rows: { label: string; cell: (x: TypologyTerms, i: number, name: string) => ReactNode }[] = [
    {
      label: t('terms.minOrderValue'),
      cell: (x, i, name) =>
        num(name, i, euros(x.minOrderValueCents), (v) => setRow(i, { minOrderValueCents: toCents(v) }), 'minOrderValueCents', {
          suffix: ' €',
          decimalScale: 2,
        }),
    },
    {
      label: t('terms.minOrderPallets'),
      cell: (x, i, name) =>
        num(name, i, x.minOrderPallets ?? '', (v) => setRow(i, { minOrderPallets: v === '' ? null : Number(v) }), 'minOrderPallets'),
    },
    {
      label: t('terms.minOrderSeverity'),
      cell: (x, i, name) => (
        <Select
          size="xs"
          w={180}
          aria-label={name}
          readOnly={!editable}
          allowDeselect={false}
          value={x.minOrderSeverity}
          onChange={(v) => v && setRow(i, { minOrderSeverity: v as 'block' | 'approval' })}
          data={(['approval', 'block'] as const).map((s) => ({ value: s, label: t(`terms.severity.${s}`) }))}
        />
      ),
    },
    {
      label: t('terms.francoMeasure'),
      cell: (x, i, name) => (
        <Select
          size="xs"
          w={180}
          aria-label={name}
          readOnly={!editable}
          allowDeselect={false}
          value={x.franco?.measure ?? 'none'}
          onChange={(v) =>
            setRow(i, {
              franco:
                v === 'none' || !v
                  ? null
                  : { measure: v as 'value' | 'pallets', threshold: x.franco?.threshold ?? 0, feeBelowCents: x.franco?.feeBelowCents ?? 0 },
            })
          }
          data={(['none', 'value', 'pallets'] as const).map((m) => ({ value: m, label: t(`terms.francoMeasures.${m}`) }))}
        />
      ),
    },
    {
      label: t('terms.francoThreshold'),
      cell: (x, i, name) =>
        x.franco &&
        (x.franco.measure === 'value'
          ? num(
              name,
              i,
              euros(x.franco.threshold),
              (v) => setRow(i, { franco: { ...x.franco!, threshold: toCents(v) ?? 0 } }),
              'franco.threshold',
              { suffix: ' €', decimalScale: 2 },
            )
          : num(
              name,
              i,
              x.franco.threshold,
              (v) => setRow(i, { franco: { ...x.franco!, threshold: Number(v || 0) } }),
              'franco.threshold',
              {
                suffix: ` ${t('terms.pallets')}`,
              },
            )),
    },
    {
      label: t('terms.francoFee'),
      cell: (x, i, name) =>
        x.franco &&
        num(
          name,
          i,
          euros(x.franco.feeBelowCents),
          (v) => setRow(i, { franco: { ...x.franco!, feeBelowCents: toCents(v) ?? 0 } }),
          'franco.feeBelowCents',
          { suffix: ' €', decimalScale: 2 },
        ),
    },
    {
      label: t('terms.orderMultiple'),
      cell: (x, i, name) => (
        <Select
          size="xs"
          w={180}
          aria-label={name}
          readOnly={!editable}
          allowDeselect={false}
          value={x.orderMultiples.default}
          onChange={(v) => v && setRow(i, { orderMultiples: { ...x.orderMultiples, default: v as OrderMultipleUnit } })}
          data={UNITS.map((u) => ({ value: u, label: t(`terms.units.${u}`) }))}
        />
      ),
    },
    {
      label: t('terms.frozenMultiple'),
      cell: (x, i, name) => (
        <Select
          size="xs"
          w={180}
          aria-label={name}
          readOnly={!editable}
          value={x.orderMultiples.byTemperature?.SURGELE ?? null}
          placeholder={t('terms.sameAsDefault')}
          onChange={(v) =>
            setRow(i, {
              orderMultiples: {
                ...x.orderMultiples,
                byTemperature: v ? { ...x.orderMultiples.byTemperature, SURGELE: v as OrderMultipleUnit } : {},
              },
            })
          }
          data={UNITS.map((u) => ({ value: u, label: t(`terms.units.${u}`) }))}
          clearable
        />
      ),
    },
    {
      label: t('terms.leadTime'),
      cell: (x, i, name) =>
        num(name, i, x.leadTimeDays, (v) => setRow(i, { leadTimeDays: Number(v || 0) }), 'leadTimeDays', { suffix: ` ${t('terms.days')}` }),
    },
    {
      label: t('terms.cutoff'),
      cell: (x, i, name) => (
        <TextInput
          size="xs"
          w={120}
          readOnly={!editable}
          value={x.cutoffTime}
          onChange={(e) => setRow(i, { cutoffTime: e.currentTarget.value })}
          error={err(i, 'cutoffTime')}
          aria-label={name}
        />
      ),
    },
    {
      label: t('terms.truckPallets'),
      cell: (x, i, name) =>
        num(name, i, x.truck.maxPallets, (v) => setRow(i, { truck: { ...x.truck, maxPallets: Number(v || 0) } }), 'truck.maxPallets'),
    },
    {
      label: t('terms.truckWeight'),
      cell: (x, i, name) =>
        num(
          name,
          i,
          x.truck.maxWeightG / 1_000_000,
          (v) => setRow(i, { truck: { ...x.truck, maxWeightG: Math.round(Number(v || 0) * 1_000_000) } }),
          'truck.maxWeightG',
          { suffix: ' t', decimalScale: 1 },
        ),
    },
    {
      label: t('terms.priceTolerance'),
      cell: (x, i, name) =>
        num(
          name,
          i,
          euros(x.priceMismatchToleranceCents),
          (v) => setRow(i, { priceMismatchToleranceCents: toCents(v) ?? 0 }),
          'priceMismatchToleranceCents',
          { suffix: ' €', decimalScale: 2 },
        ),
    },
    {
      label: t('terms.priceConcession'),
      cell: (x, i, name) =>
        num(
          name,
          i,
          euros(x.priceConcessionApprovalCents),
          (v) => setRow(i, { priceConcessionApprovalCents: toCents(v) ?? 0 }),
          'priceConcessionApprovalCents',
          { suffix: ' €', decimalScale: 2 },
        ),
    },
    {
      label: t('terms.creditCheck'),
      cell: (x, i, name) => (
        <Checkbox
          disabled={!editable}
          checked={x.creditCheck}
          onChange={(e) => setRow(i, { creditCheck: e.currentTarget.checked })}
          aria-label={name}
        />
      ),
    },
    ...CLAIM_FIELDS.map((field) => ({
      label: t(`terms.claims.${field}`),
      cell: (x: TypologyTerms, i: number, name: string) => {
        const claims = x.claims ?? DEFAULT_CLAIM_TERMS[x.typology];
        return num(name, i, claims[field], (v) => setRow(i, { claims: { ...claims, [field]: Number(v || 0) } }), `claims.${field}`, {
          suffix: ` ${t(`terms.claims.unit.${field}`)}`,
        });
      },
    })),
    {
      label: t('terms.claims.article'),
      cell: (x, i, name) => {
        const claims = x.claims ?? DEFAULT_CLAIM_TERMS[x.typology];
        return (
          <TextInput
            size="xs"
            w={120}
            aria-label={name}
            readOnly={!editable}
            value={claims.article ?? ''}
            error={err(i, 'claims.article')}
            onChange={(e) => setRow(i, { claims: { ...claims, article: e.currentTarget.value.trim() ? e.currentTarget.value : null } })}
          />
        );
      },
    },
  ];

  return (
    <form onSubmit={form.handleSubmit} noValidate>
      <PageTitle title={t('terms.title')}>
        {editable && (
          <Button type="submit" loading={form.busy} data-testid="terms-save">
            {t('common.save')}
          </Button>
        )}
      </PageTitle>
      <TermsTabs />
      <ErrorAlert error={form.generalError ?? (form.errors.typologies ? new Error(form.errors.typologies) : null)} />
      <Paper withBorder p="sm" mb="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <TextInput
            size="xs"
            label={t('terms.code')}
            value={draft.code}
            readOnly={!editable}
            onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
            error={form.errors.code}
            description={t('terms.codeHint')}
          />
          <TextInput
            size="xs"
            label={t('terms.name')}
            value={draft.name}
            readOnly={!editable}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={form.errors.name}
          />
          <TextInput
            size="xs"
            label={t('terms.validFrom')}
            value={draft.validFrom}
            readOnly={!editable}
            onChange={(e) => setDraft({ ...draft, validFrom: e.currentTarget.value })}
            error={form.errors.validFrom}
          />
          <TextInput
            size="xs"
            label={t('terms.validTo')}
            value={draft.validTo ?? ''}
            readOnly={!editable}
            onChange={(e) => setDraft({ ...draft, validTo: e.currentTarget.value || null })}
            error={form.errors.validTo}
          />
        </SimpleGrid>
        {query.data.length > 1 && (
          <Group gap={4} mt="xs">
            <Text size="xs" c="dimmed">
              {t('terms.versions')}
            </Text>
            {query.data.map((v) => (
              <Badge
                key={v.id}
                component="button"
                type="button"
                variant={v.code === draft.code ? 'filled' : 'light'}
                style={{ cursor: 'pointer' }}
                onClick={() => setDraft(structuredClone(v))}
              >
                {v.code}
              </Badge>
            ))}
          </Group>
        )}
      </Paper>
      <Paper withBorder>
        <ScrollArea>
          <Table striped verticalSpacing={4} data-testid="terms-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <VisuallyHidden>{t('terms.ruleColumn')}</VisuallyHidden>
                </Table.Th>
                {draft.typologies.map((x) => (
                  <Table.Th key={x.typology}>{t(`typologies.${x.typology}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  {draft.typologies.map((x, i) => (
                    <Table.Td key={x.typology}>{row.cell(x, i, `${row.label} — ${t(`typologies.${x.typology}`)}`)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
    </form>
  );
}
