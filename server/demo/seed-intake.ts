import fs from 'node:fs';
import path from 'node:path';
import { addDays, parisNow, weekdayOf } from '../../core/calendar/dates.ts';
import type { Db } from '../db/database.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { intakeFolder } from '../intake/mailbox.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

/** The demo's order mailbox: three emails (an artisan's, a wholesaler's PDF form, a clinic's HTML table) and a fax. */
export const DEMO_MAILBOX = path.join(PACKAGE_ROOT, 'server', 'demo', 'intake-mailbox');

/** The first of these weekdays at least three days after `today` (past any lead time), as customers write it (dd/mm/yyyy). */
function nextDeliveryDay(today: string, weekdays: readonly string[]): string {
  let date = addDays(today, 3);
  while (!weekdays.includes(weekdayOf(date))) date = addDays(date, 1);
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Drops the demo's messages into DATA_DIR/intake/in, dated today, each asking for a day its customer is delivered:
 * the server's intake sweep takes them in with the same code as the IMAP mailbox, so a fresh start shows them in
 * "À saisir".
 */
export async function seedIntake(db: Db, now: Date): Promise<void> {
  if (!fs.existsSync(DEMO_MAILBOX)) return;
  const folder = intakeFolder(fileStoreOf(db));
  await fs.promises.mkdir(folder, { recursive: true });
  const today = parisNow(now).date;
  const rfcDate = now.toUTCString().slice(0, 16);
  for (const name of fs.readdirSync(DEMO_MAILBOX).filter((n) => n.endsWith('.eml'))) {
    const raw = (await fs.promises.readFile(path.join(DEMO_MAILBOX, name))).toString('latin1');
    const dated = raw
      .replaceAll('{{DATE}}', rfcDate)
      .replace(/\{\{NEXT:([A-Z,]+)\}\}/g, (_m, days: string) => nextDeliveryDay(today, days.split(',')));
    await fs.promises.writeFile(path.join(folder, name), Buffer.from(dated, 'latin1'));
  }
}
