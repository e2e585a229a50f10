import { formatFrenchLongDate } from '../../core/calendar/dates.ts';
import { DEFINITIONS } from '../../core/reports/definitions.ts';
import type { Metric } from '../../core/reports/metric-keys.ts';
import { isoWeekOf, weekRange } from '../../core/reports/periods.ts';
import type { Kpis, MetricValues } from '../../core/reports/reports.schemas.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { storeFile } from '../documents/file-store.ts';
import { drawTable, MARGIN, pdfEuros, pdfNumber, startPdf } from '../documents/pdf.ts';
import { invalid } from '../errors.ts';
import { insertOutboxEmail } from '../mail/outbox.repository.ts';
import { kpis } from './reports.service.ts';
import { listActiveUsersOfRole } from '../users/users.repository.ts';

// The weekly report (issue 14, scenario 11): the week's figures against the week before, then the customers worst
// first on OTIF, in French. Printed on demand (GET /api/reports/weekly) and emailed to the managers on REPORT_CRON.

const SUMMARY: readonly Metric[] = [
  'orders',
  'lines',
  'serviceRate',
  'fillRate',
  'onTime',
  'otif',
  'leadTimeDays',
  'lateDays',
  'backorders',
  'confirmedOnTime',
  'touchless',
  'complaints',
  'complaintsPerThousandLines',
  'complaintsAnsweredOnTime',
  'penalties',
  'penaltiesCents',
  'penaltiesPaidCents',
  'exposureAvoidedCents',
  'calls',
  'callMinutes',
  'satisfaction',
];
const BY_CUSTOMER: readonly Metric[] = ['orders', 'serviceRate', 'otif', 'onTime', 'backorders', 'complaints', 'penaltiesCents'];
const MANAGER = { id: 0, role: 'manager' } as const;

/** A figure as the French page prints it. */
export function frenchFigure(metric: Metric, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  switch (DEFINITIONS[metric].kind) {
    case 'rate':
      return `${pdfNumber(value * 100, 1)} %`;
    case 'cents':
      return pdfEuros(value);
    case 'average':
      return pdfNumber(value, 1);
    default:
      return pdfNumber(value);
  }
}

export async function weeklyReportData(
  db: Db,
  week: string,
  now: Date,
): Promise<{ summary: Kpis; customers: Kpis; from: string; to: string }> {
  const range = weekRange(week);
  if (!range) throw invalid('querystring.week', 'not-a-date', { value: week }, `${week} is no ISO week`);
  const [summary, customers] = await Promise.all([
    kpis(db, { ...range, groupBy: 'week', metrics: SUMMARY.join(',') }, MANAGER, now),
    kpis(db, { ...range, groupBy: 'customer', metrics: BY_CUSTOMER.join(','), sort: 'otif' }, MANAGER, now),
  ]);
  return { summary, customers, ...range };
}

const delta = (metric: Metric, now: MetricValues, before: MetricValues): string => {
  const a = now[metric];
  const b = before[metric];
  if (a === null || a === undefined || b === null || b === undefined) return '';
  const d = a - b;
  if (d === 0) return '=';
  const kind = DEFINITIONS[metric].kind;
  const text =
    kind === 'rate'
      ? `${pdfNumber(Math.abs(d) * 100, 1)} pt`
      : kind === 'cents'
        ? pdfEuros(Math.abs(d))
        : pdfNumber(Math.abs(d), kind === 'average' ? 1 : 0);
  // An en dash for minus: the standard PDF fonts have no U+2212.
  return `${d > 0 ? '+' : '–'} ${text}`;
};

export async function weeklyReportPdf(db: Db, week: string, now: Date): Promise<Buffer> {
  const data = await weeklyReportData(db, week, now);
  const company = await findCompany(db);
  const { doc, done } = await startPdf({ Title: `Rapport hebdomadaire ${week}` });
  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(`Rapport hebdomadaire — semaine ${week.slice(6)} de ${week.slice(0, 4)}`, MARGIN, MARGIN);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`${company?.name ?? ''} — du ${formatFrenchLongDate(data.from)} au ${formatFrenchLongDate(data.to)}`)
    .text(
      `Comparé à la semaine ${isoWeekOf(data.summary.previous.from).slice(6)} (du ${formatFrenchLongDate(data.summary.previous.from)} au ${formatFrenchLongDate(data.summary.previous.to)}).`,
    )
    .moveDown();
  const t = data.summary.totals;
  const p = data.summary.previous.totals;
  let y = drawTable(
    doc,
    doc.y,
    [
      { title: 'Indicateur', width: 215, align: 'left' },
      { title: 'Semaine', width: 100, align: 'right' },
      { title: 'Semaine précédente', width: 100, align: 'right' },
      { title: 'Écart', width: 100, align: 'right' },
    ],
    SUMMARY.map((m) => [DEFINITIONS[m].fr.label, frenchFigure(m, t[m]), frenchFigure(m, p[m]), delta(m, t, p)]),
    { continuation: `Rapport ${week} (suite)`, reserve: 40 },
  );
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text('Par client, le moins bon OTIF d’abord', MARGIN, y + 16);
  // Each figure's column as wide as the longest word of its title (in the header's font), the customer's the rest.
  doc.font('Helvetica-Bold').fontSize(8.5);
  const widths = BY_CUSTOMER.map((m) =>
    Math.max(50, ...DEFINITIONS[m].fr.label.split(' ').map((w) => Math.ceil(doc.widthOfString(w)) + 8)),
  );
  y = drawTable(
    doc,
    doc.y + 4,
    [
      { title: 'Client', width: 515 - widths.reduce((a, b) => a + b, 0), align: 'left' },
      ...BY_CUSTOMER.map((m, i) => ({ title: DEFINITIONS[m].fr.label, width: widths[i], align: 'right' as const })),
    ],
    data.customers.rows.slice(0, 40).map((r) => [r.label, ...BY_CUSTOMER.map((m) => frenchFigure(m, r.metrics[m]))]),
    { continuation: `Rapport ${week} — par client (suite)`, reserve: 40 },
  );
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(
      'Définitions : taux de service = lignes livrées complètes ÷ lignes livrées ; OTIF = commandes livrées à l’heure et complètes ÷ commandes livrées ; ' +
        'une commande compte la semaine de sa livraison, un reliquat ne compte pas une seconde fois. Le détail de chaque chiffre est dans Carnet, Rapports.',
      MARGIN,
      y + 14,
      { width: 515 },
    );
  doc.end();
  return done;
}

/** The week a Friday run reports on: the one that holds `now` (Paris). */
export const currentWeek = (now: Date): string => isoWeekOf(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now));

/**
 * Prints the week's report, stores it, and queues one email per manager through the outbox (sent after the commit).
 * Returns how many emails were queued.
 */
export async function mailWeeklyReport(db: Db, config: Pick<Config, 'dataDir'>, week: string, now: Date): Promise<number> {
  const pdf = await weeklyReportPdf(db, week, now);
  const stored = await storeFile(config.dataDir, pdf);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const managers = await listActiveUsersOfRole(trx, 'manager');
    const documentId = await insertDocument(trx, {
      kind: 'weekly_report',
      filename: `rapport-${week}.pdf`,
      mimeType: 'application/pdf',
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      orderId: null,
      createdBy: null,
      createdAt: at,
    });
    for (const m of managers)
      await insertOutboxEmail(trx, {
        kind: 'weekly_report',
        orderId: null,
        documentId,
        toAddress: m.email,
        toName: m.name,
        subject: `Rapport hebdomadaire — semaine ${week.slice(6)} de ${week.slice(0, 4)}`,
        bodyText: `Bonjour ${m.name},\n\nVoici le rapport de la semaine ${week} : taux de service, OTIF, réclamations, pénalités et appels, comparés à la semaine précédente.\nLe détail de chaque chiffre est dans Carnet, Rapports.\n\nCarnet`,
        status: 'pending',
        lastError: null,
        nextAttemptAt: at,
        claimedUntil: null,
        messageId: null,
        sentAt: null,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      });
    return managers.length;
  });
}
