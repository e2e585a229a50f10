import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { STAFF } from '../../core/auth/roles.ts';
import { DrillQuerySchema, DrillSchema, KpisQuerySchema, KpisSchema, WeeklyQuerySchema } from '../../core/reports/reports.schemas.ts';
import { ProblemSchema } from '../../core/shared/schemas.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { drillTable, kpisTable, tableCsv, tableXlsx, XLSX_TYPE } from './reports.export.ts';
import { drill, kpis } from './reports.service.ts';
import { weeklyReportPdf } from './weekly-report.ts';

const tags = ['reports'];
const Problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const Binary = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });
/** Who reads the weekly report: the managers (and admins), who receive it on Friday. */
const MANAGERS = ['manager', 'admin'] as const;

/** The desk's numbers (issue 14): figures by period or by who/what, the rows behind each, the weekly PDF. */
export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/reports/kpis',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Figures by week, month, customer, typology, product, category, warehouse or assistant, against the period before',
        description: 'An assistant gets her own figures only. format=csv|xlsx answers the table as a file.',
        querystring: KpisQuerySchema,
        response: { 200: Type.Union([KpisSchema, Binary]), ...Problems },
      },
    },
    async (request, reply) => {
      const report = await kpis(app.db, request.query, currentUser(request), app.clock.now());
      const format = request.query.format ?? 'json';
      if (format === 'json') return report;
      const table = kpisTable(report);
      const name = `indicateurs-${report.groupBy}-${report.from}-${report.to}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
      return format === 'csv'
        ? reply.type('text/csv; charset=utf-8').send(tableCsv(table))
        : reply.type(XLSX_TYPE).send(await tableXlsx(table));
    },
  );

  app.get(
    '/api/reports/kpis/drill',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The orders, lines, complaints, notices, calls or interviews behind one figure, each with why it missed',
        querystring: DrillQuerySchema,
        response: { 200: Type.Union([DrillSchema, Binary]), ...Problems },
      },
    },
    async (request, reply) => {
      const result = await drill(app.db, request.query, currentUser(request), app.clock.now());
      const format = request.query.format ?? 'json';
      if (format === 'json') return result;
      const table = drillTable(result);
      const name = `detail-${result.metric}-${result.key ?? 'total'}-${result.from}-${result.to}.${format}`.replace(/[^\w.-]+/g, '_');
      reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
      return format === 'csv'
        ? reply.type('text/csv; charset=utf-8').send(tableCsv(table))
        : reply.type(XLSX_TYPE).send(await tableXlsx(table));
    },
  );

  app.get(
    '/api/reports/weekly',
    {
      config: { access: [...MANAGERS] },
      schema: {
        tags,
        summary: "The week's report, in French, as a PDF (the one emailed to the managers on Friday)",
        querystring: WeeklyQuerySchema,
        response: { 200: Binary, ...Problems },
      },
    },
    async (request, reply) => {
      const pdf = await weeklyReportPdf(app.db, request.query.week, app.clock.now());
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="rapport-${request.query.week}.pdf"`)
        .send(pdf);
    },
  );
};
