import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { Table } from './table.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An .xlsx is a zip archive: its first bytes tell it from CSV whatever the file is called. */
export function readTable(bytes: Buffer): Promise<Table> | Table {
  return bytes.subarray(0, 4).equals(ZIP_MAGIC) ? readXlsx(bytes) : readCsv(bytes);
}
