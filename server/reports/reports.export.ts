import { DEFINITIONS } from '../../core/reports/definitions.ts';
import type { Metric } from '../../core/reports/metric-keys.ts';
import type { Drill, Kpis } from '../../core/reports/reports.schemas.ts';
import { csvDocument, spreadsheetCell, type SpreadsheetValue } from '../../core/shared/spreadsheet.ts';

// Every report table as a file: CSV as French Excel opens it, or an .xlsx workbook. Cells go through
// core/shared/spreadsheet.ts: a customer named "=HYPERLINK(…)" stays text. Rates stay fractions (a percentage format
// in the workbook), money stays cents (its column says so).

type Table = { name: string; header: string[]; kinds: ('rate' | 'other')[]; rows: SpreadsheetValue[][] };

const header = (m: Metric) => DEFINITIONS[m].fr.label + (DEFINITIONS[m].kind === 'cents' ? ' (centimes)' : '');

export function kpisTable(k: Kpis): Table {
  return {
    name: `indicateurs ${k.from} ${k.to}`,
    header: ['Clé', 'Libellé', ...k.metrics.map(header)],
    kinds: ['other', 'other', ...k.metrics.map((m) => (DEFINITIONS[m].kind === 'rate' ? ('rate' as const) : ('other' as const)))],
    rows: [
      ...k.rows.map((r) => [r.key, r.label, ...k.metrics.map((m) => r.metrics[m] ?? null)]),
      ['total', 'Total', ...k.metrics.map((m) => k.totals[m] ?? null)],
      ['previous', `Période précédente (${k.previous.from} – ${k.previous.to})`, ...k.metrics.map((m) => k.previous.totals[m] ?? null)],
    ],
  };
}

export function drillTable(d: Drill): Table {
  const why = (r: Drill['rows'][number]) =>
    r.why
      .map(
        (w) =>
          `${w.code} ${Object.entries(w.params)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`,
      )
      .join(' ; ');
  return {
    name: `${d.metric} ${d.key ?? 'total'}`,
    header: ['Type', 'Id', 'Commande', 'Ligne', 'Client', 'Date', 'Échéance', 'Référence', 'Valeur', 'Atteint', 'Pourquoi'],
    kinds: Array.from({ length: 11 }, () => 'other' as const),
    rows: d.rows.map((r) => [
      r.unit,
      r.id,
      r.orderNumber,
      r.lineNo,
      r.customerName,
      r.date,
      r.dueDate,
      r.reference,
      r.value,
      r.ok ? 'oui' : 'non',
      why(r),
    ]),
  };
}

export function tableCsv(t: Table): string {
  return csvDocument([t.header, ...t.rows]);
}

export async function tableXlsx(t: Table): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  // A sheet's name: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(t.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  sheet.addRow(t.header.map(spreadsheetCell)).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row.map(spreadsheetCell));
  t.kinds.forEach((kind, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = i < 2 ? 28 : 14;
    if (kind === 'rate') column.numFmt = '0.0%';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
