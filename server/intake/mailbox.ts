import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { readPendingItems } from './read-items.ts';
import { takeMessage } from './take-message.ts';

/** The desk's order mailbox: where to read (host, user, password, folder) and where taken messages go. */
export type ImapSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  doneFolder: string;
};

export type SweepReport = { taken: number; duplicates: number; read: number };

/**
 * One pass over the IMAP mailbox: each message of the folder is taken (stored raw, once: by message-id and by
 * UIDVALIDITY + UID), then moved to the done folder. Carnet stopped between the two finds it again next time, knows
 * it and only moves it. Nothing is answered; the messages taken are then read.
 */
export async function sweepImap(db: Db, settings: ImapSettings, clock: Clock): Promise<SweepReport> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    // A desk's own server may have a self-signed certificate only when not over TLS at all: TLS is verified.
  });
  const report: SweepReport = { taken: 0, duplicates: 0, read: 0 };
  await client.connect();
  try {
    await client.mailboxCreate(settings.doneFolder).catch(() => undefined);
    const lock = await client.getMailboxLock(settings.folder);
    try {
      const mailbox = client.mailbox;
      const uidValidity = mailbox ? String(mailbox.uidValidity) : null;
      const place = `imap:${settings.user}@${settings.host}/${settings.folder}`;
      const uids = (await client.search({ all: true }, { uid: true })) || [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        const taken = await takeMessage(db, message.source, { mailbox: place, uidValidity, uid }, clock.now());
        if (taken.duplicate) report.duplicates++;
        else report.taken++;
        await client.messageMove(String(uid), settings.doneFolder, { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  report.read = await readPendingItems(db, clock.now());
  return report;
}

/**
 * The same for a folder of .eml files (the demo's mailbox, or a fax server that drops files): each file taken,
 * then moved to `done/` beside it.
 */
export async function sweepFolder(db: Db, folder: string, clock: Clock): Promise<SweepReport> {
  const report: SweepReport = { taken: 0, duplicates: 0, read: 0 };
  if (fs.existsSync(folder)) {
    const done = path.join(folder, 'done');
    for (const name of (await fs.promises.readdir(folder)).filter((n) => n.toLowerCase().endsWith('.eml')).sort()) {
      const file = path.join(folder, name);
      const taken = await takeMessage(
        db,
        await fs.promises.readFile(file),
        { mailbox: `folder:${folder}`, uidValidity: null, uid: null },
        clock.now(),
      );
      if (taken.duplicate) report.duplicates++;
      else report.taken++;
      await fs.promises.mkdir(done, { recursive: true });
      await fs.promises.rename(file, path.join(done, name));
    }
  }
  report.read = await readPendingItems(db, clock.now());
  return report;
}

/** The folder the demo's mailbox is dropped in and swept from: DATA_DIR/intake/in. */
export const intakeFolder = (dataDir: string) => path.join(dataDir, 'intake', 'in');

/**
 * Sweeps the mailbox (IMAP when set) and the intake folder every `seconds`, one pass at a time; returns the stop
 * function, which waits for the pass under way.
 */
export function startIntake(
  db: Db,
  options: { seconds: number; imap: ImapSettings | null; folder: string },
  log: FastifyBaseLogger,
  clock: Clock,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = async () => {
    try {
      const folder = await sweepFolder(db, options.folder, clock);
      if (folder.taken) log.info({ intake: folder }, 'intake folder swept');
      if (options.imap) {
        const imap = await sweepImap(db, options.imap, clock);
        if (imap.taken) log.info({ intake: imap }, 'order mailbox swept');
      }
    } catch (error) {
      log.error({ err: error }, 'intake sweep failed');
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = pass().finally(() => (running = null));
  };
  tick();
  const timer = options.seconds > 0 ? setInterval(tick, options.seconds * 1000) : null;
  timer?.unref();
  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    await running;
  };
}
