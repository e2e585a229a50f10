import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scoreLines } from '../core/intake/accuracy.ts';
import type { FoundOrder } from '../core/intake/intake.schemas.ts';
import { fixedClock } from '../server/clock.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { stopOcr } from '../server/intake/ocr.ts';
import { readPendingItems } from '../server/intake/read-items.ts';
import { takeMessage } from '../server/intake/take-message.ts';
import { buildMessage } from '../test/intake-corpus/build.ts';
import { CORPUS, CORPUS_TODAY } from '../test/intake-corpus/corpus.ts';

/**
 * Issue 17: how much of an order Carnet reads right from an email or a fax before anyone corrects it. The corpus
 * (test/intake-corpus: typed emails, HTML tables, PDF forms, spreadsheet exports, photographed handwritten faxes,
 * every typology) goes through the mailbox's own code — taken raw, read (mailparser, unpdf, tesseract's French
 * OCR), the sender matched, the lines found — on the demo's database; each expected line's product, quantity and
 * unit count a field (an extra line found costs its three). `ratio` = fields right / fields; `typed` and `scans`
 * apart (goals 0.90 and 0.70); `customers`: senders matched to the right customer.
 */
export async function benchIntakeAccuracy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-intake-'));
  const handle = openDatabase({ dataDir: dir });
  const clock = fixedClock(new Date(`${CORPUS_TODAY}T09:00:00+01:00`));
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, clock.now());
    const customers = new Map((await handle.db.selectFrom('customers').select(['id', 'code']).execute()).map((c) => [c.id, c.code]));
    const totals = { typed: { lines: 0, fields: 0, right: 0 }, scans: { lines: 0, fields: 0, right: 0 } };
    let customersRight = 0;
    const misses: string[] = [];
    for (const c of CORPUS) {
      const { id } = await takeMessage(handle.db, await buildMessage(c), { mailbox: 'bench', uidValidity: null, uid: null }, clock.now());
      await readPendingItems(handle.db, clock.now());
      const row = await handle.db
        .selectFrom('intakeItems')
        .select(['foundJson', 'customerId'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const found = JSON.parse(row.foundJson ?? '{"lines":[]}') as FoundOrder;
      const score = scoreLines(found.lines, c.lines);
      const bucket = c.layout === 'scan' ? totals.scans : totals.typed;
      bucket.lines += score.lines;
      bucket.fields += score.fields;
      bucket.right += score.right;
      if (row.customerId !== null && customers.get(row.customerId) === c.customer) customersRight++;
      if (score.right < score.fields) misses.push(c.id);
    }
    const ratio = (t: { fields: number; right: number }) => Math.round((t.right / Math.max(1, t.fields)) * 1000) / 1000;
    const all = {
      lines: totals.typed.lines + totals.scans.lines,
      fields: totals.typed.fields + totals.scans.fields,
      right: totals.typed.right + totals.scans.right,
    };
    return {
      bench: 'intake-accuracy',
      lines: all.lines,
      fieldsRight: all.right,
      fields: all.fields,
      ratio: ratio(all),
      typed: ratio(totals.typed),
      scans: ratio(totals.scans),
      documents: CORPUS.length,
      customers: `${customersRight}/${CORPUS.length}`,
      imperfect: misses,
    };
  } finally {
    await stopOcr();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
