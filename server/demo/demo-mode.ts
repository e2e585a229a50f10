import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { accountsByEmail, hasActiveAdmin, hasLoginAccounts, setAccountActive } from '../users/users.repository.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import type { DemoOptions } from './seed.ts';

type Log = { info: (message: string) => void; warn: (message: string) => void };
type Account = Awaited<ReturnType<typeof accountsByEmail>>[number];

/** Nothing installed yet: no company, and no account anyone could log in with (a first admin counts). */
export async function isEmpty(db: Db): Promise<boolean> {
  return !(await findCompany(db)) && !(await hasLoginAccounts(db));
}

/** The demo accounts this database holds, active or not. */
export const demoAccounts = (db: Db) =>
  accountsByEmail(
    db,
    DEMO_ACCOUNTS.map((a) => a.email),
  );

/**
 * Each start, in demo mode (CARNET_DEMO, on by default) or out of it. An empty database gets the demo company, and
 * a database holding it says so loudly, with its logins, every time. Out of demo mode the demo accounts are switched
 * off, for their passwords are public; back in demo mode they are switched on again. An installation nobody can
 * administer says how to create its first administrator.
 */
export async function applyDemoMode(db: Db, demo: boolean, log: Log, now: Date, options: DemoOptions = {}): Promise<void> {
  if (demo && (await isEmpty(db))) {
    // The demo's data set (160 KB of JSON) is read only to load it.
    const { seedDemo } = await import('./seed.ts');
    await seedDemo(db, now, options);
    log.info('the demo company (Moulins Delaunay) was loaded into the empty database');
  }
  const accounts = await demoAccounts(db);
  const switched = await switchAccounts(db, accounts, demo, now);
  if (demo && accounts.length) {
    log.warn(
      `DEMO MODE: this is the demo company Moulins Delaunay (fictional), open to anyone with its published logins ${logins(accounts)}, ` +
        `password "${DEMO_PASSWORD}". For a real installation, start on an empty DATA_DIR with CARNET_DEMO=false (README: "A real installation").`,
    );
  } else if (demo) {
    log.info('CARNET_DEMO is on, but this database holds an installation of its own: no demo data, no demo logins');
  } else if (switched) {
    log.warn(
      `CARNET_DEMO=false: the demo accounts ${logins(accounts)} are switched off, their passwords being public; the demo's data stays`,
    );
  }
  if (!(await hasActiveAdmin(db))) {
    log.warn('no administrator can log in: create the first one with `npx carnet users create-admin --email <email> --name "<name>"`');
  }
}

const logins = (accounts: readonly Account[]) => accounts.map((a) => `${a.email} (${a.role})`).join(', ');

/** Switches the accounts on or off as the mode wants, each change audited; returns how many changed. */
async function switchAccounts(db: Db, accounts: readonly Account[], active: boolean, now: Date): Promise<number> {
  const changing = accounts.filter((a) => (a.active === 1) !== active);
  if (!changing.length) return 0;
  await db.transaction().execute(async (trx) => {
    for (const account of changing) {
      await setAccountActive(trx, account.id, active);
      await recordAudit(trx, {
        entityType: 'user',
        entityId: account.id,
        action: active ? 'enable_demo_account' : 'disable_demo_account',
        userId: null,
        after: { active },
        at: now.toISOString(),
      });
    }
  });
  return changing.length;
}
