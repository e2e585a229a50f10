import fs from 'node:fs';
import path from 'node:path';
import { parisNow } from '../../core/calendar/dates.ts';
import type { Db } from '../db/database.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../edi/demo-orders.ts';
import { inboxDir } from '../edi/inbox-watcher.ts';
import { setPartnerToken } from '../edi/edi.repository.ts';
import { hashPassword } from '../auth/passwords.ts';

/**
 * The demo's EDI: a partner for each retail customer (C001–C004), each with a known API token (`demoPartnerToken`,
 * listed in the README) so the HTTP door can be tried with curl on a fresh start, stored hashed like any; and four
 * interchanges made by Carnet's own generator waiting in their inboxes for the watcher — one clean (confirmed on
 * its own, C001 auto-confirms), one with a customer code nobody mapped, one with a price the customer expects below
 * ours, one clean for a partner that does not auto-confirm — so a new user sees the queue at work.
 */
/** The demo partner's token: the usual `edi_<partner id>_<secret>` shape, with a secret anyone can read in the README. */
export function demoPartnerToken(partnerId: number, folder: string): string {
  return `edi_${partnerId}_demo-${folder}`;
}

export async function seedEdi(db: Db, now: Date): Promise<void> {
  const customers = new Map((await db.selectFrom('customers').select(['id', 'code', 'name']).execute()).map((c) => [c.code, c]));
  const createdAt = now.toISOString();
  for (const p of DEMO_PARTNERS) {
    const c = customers.get(p.customer);
    if (!c) continue;
    const row = await db
      .insertInto('ediPartners')
      .values({
        customerId: c.id,
        gln: p.gln,
        name: c.name,
        tokenHash: null,
        autoConfirm: p.autoConfirm ? 1 : 0,
        inboxFolder: p.folder,
        outboxFolder: p.folder,
        active: 1,
        createdAt,
      })
      .onConflict((oc) => oc.column('gln').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) await setPartnerToken(db, row.id, await hashPassword(demoPartnerToken(row.id, p.folder)));
  }
  const dataDir = fileStoreOf(db);
  const today = parisNow(now).date;
  const stamp = today.replaceAll('-', '');
  const [capMarche, distriOuest, marchesEst] = DEMO_PARTNERS;
  const files: { folder: string; name: string; text: string }[] = [
    {
      folder: capMarche.folder,
      name: `ORDERS_${stamp}_0001.edi`,
      text: demoInterchange(capMarche, `CM${stamp}01`, today, [demoOrder(capMarche, 1, today, 2)]),
    },
    {
      folder: capMarche.folder,
      name: `ORDERS_${stamp}_0002.edi`,
      text: demoInterchange(capMarche, `CM${stamp}02`, today, [
        {
          ...demoOrder(capMarche, 2, today, 1),
          lines: [
            demoLine(capMarche.items[0], 1, 80, 'gtin'),
            { lineNumber: 2, gtin: '', buyerCode: 'CM-999999', description: 'FARINE T65 BIO 1KG X10', quantity: 40 },
          ],
        },
      ]),
    },
    {
      folder: marchesEst.folder,
      name: `ORDERS_${stamp}_0003.edi`,
      text: demoInterchange(marchesEst, `ME${stamp}03`, today, [
        { ...demoOrder(marchesEst, 3, today, 1), lines: [demoLine(marchesEst.items[0], 1, 120, 'buyer', 450)] },
      ]),
    },
    {
      folder: distriOuest.folder,
      name: `ORDERS_${stamp}_0004.edi`,
      text: demoInterchange(distriOuest, `DO${stamp}04`, today, [demoOrder(distriOuest, 4, today, 2)]),
    },
  ];
  for (const f of files) {
    const dir = inboxDir(dataDir, f.folder);
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, f.name);
    if (!fs.existsSync(target)) fs.writeFileSync(target, f.text);
  }
}
