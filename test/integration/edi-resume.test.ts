import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parisNow } from '../../core/calendar/dates.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';

// SQLite only: the CLI runs on the DATA_DIR's SQLite file, as an operator runs it; the intake code is the same on
// PostgreSQL (edi-intake.test.ts runs it on both).
// One process (node --import tsx), not the tsx CLI, which runs the script in a child that a SIGKILL would orphan.
const cli = path.resolve('server/cli.ts');
// Orders are committed by batches of 500: the kill lands after the first batch, with more of the file to go.
const ORDERS = 2000;
const KILL_AFTER = 400;

describe('EDI import killed mid-file (sqlite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-edi-kill-'));
  const { DATABASE_URL: _ignored, ...parent } = process.env;
  const env = { ...parent, DATA_DIR: dataDir, LOG_LEVEL: 'silent', EDI_INBOX_SECONDS: '0' };
  afterAll(() => {
    if (!process.env.KEEP_EDI_KILL) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and duplicates nothing when imported again', async () => {
    expect(spawnSync(process.execPath, ['--import', 'tsx', cli, 'seed', '--demo'], { env, encoding: 'utf8' }).status).toBe(0);
    // The CLI child reads the machine's clock and takes no other time (no option for it): the file is dated by the same.
    // eslint-disable-next-line no-restricted-syntax
    const today = parisNow(new Date()).date;
    const [cap] = DEMO_PARTNERS;
    const file = path.join(dataDir, 'big.edi');
    fs.writeFileSync(
      file,
      demoInterchange(
        cap,
        'KILL-1',
        today,
        Array.from({ length: ORDERS }, (_, i) => demoOrder(cap, 10_000 + i, today, 2)),
      ),
    );

    // First run: killed (SIGKILL, no cleanup) once some orders are in.
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, 'edi', 'import', file, '--log'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk
          .toString()
          .split('\n')
          .filter((l) => l.includes(' ORDERS ')).length;
        if (seen >= KILL_AFTER && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(seen).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(seen).toBeLessThan(ORDERS);

    // Second run: the rest, and only the rest.
    const again = spawnSync(process.execPath, ['--import', 'tsx', cli, 'edi', 'import', file, '--log'], { env, encoding: 'utf8' });
    if (again.status !== 0) console.log(dataDir, again.stdout.slice(-3000), again.stderr.slice(-3000));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already taken in');

    const handle = openDatabase({ dataDir });
    try {
      const db = handle.db;
      const refs = await db
        .selectFrom('orders')
        .select(['customerRef'])
        .where('customerRef', 'like', 'C001-PO-00%')
        .where('channel', '=', 'edi')
        .execute();
      const mine = refs.map((r) => r.customerRef!).filter((r) => Number(r.slice(-7)) >= 10_000);
      if (mine.length !== ORDERS) console.log(dataDir, again.stdout.slice(0, 3000));
      expect(mine).toHaveLength(ORDERS);
      expect(new Set(mine).size).toBe(ORDERS);
      const messages = await db
        .selectFrom('ediMessages as m')
        .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
        .select(['m.status', 'm.orderId'])
        .where('i.controlReference', '=', 'KILL-1')
        .execute();
      expect(messages).toHaveLength(ORDERS);
      expect(messages.every((m) => m.orderId !== null)).toBe(true);
      const interchange = await db
        .selectFrom('ediInterchanges')
        .selectAll()
        .where('controlReference', '=', 'KILL-1')
        .executeTakeFirstOrThrow();
      expect(interchange.status).toBe('processed');
    } finally {
      await handle.close();
    }
  }, 240_000);
});
