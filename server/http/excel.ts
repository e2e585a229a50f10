import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

// The desk's lists exported to Excel all look alike: one sheet per list, a bold header row, one row per item.

/** One sheet: its columns (header, key, width, number format) and its rows keyed as the columns. */
export type Sheet = { name: string; columns: Partial<ExcelJS.Column>[]; rows: readonly Record<string, unknown>[] };

/** The sheets as one workbook (names cut to Excel's 31 characters). */
export async function workbookOf(...sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, columns, rows } of sheets) {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers a workbook as a download under the file name given (characters a file name cannot hold replaced). */
export function sendWorkbook(reply: FastifyReply, fileName: string, workbook: Buffer) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`)
    .send(workbook);
}
