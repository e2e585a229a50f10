import fs from 'node:fs';
import path from 'node:path';
import { EdiSyntaxError } from '../../core/edi/errors.ts';
import type { Db } from '../db/database.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { listPartners, type PartnerRow, withSessionLock } from './edi.repository.ts';
import { ingestFile } from './ingest.ts';
import { flushEdiOutbound } from './outbound.ts';
import type { Clock } from '../clock.ts';

/** DATA_DIR/edi/in/<partner folder>/: where a partner (or its VAN) drops interchanges. */
export function inboxDir(dataDir: string, folder: string): string {
  return path.join(dataDir, 'edi', 'in', folder);
}

/** A file still being written is left for the next sweep: partners should write aside and rename, not all do. */
const SETTLE_MS = 1000;
const ADVISORY_LOCK = 5_210_070;

type Log = { info: (o: object, m: string) => void; error: (o: object, m: string) => void };

/**
 * Takes in every settled file of every active partner's inbox, moving each to done/ (taken in, duplicates included)
 * or failed/ (unreadable, or every message rejected). On PostgreSQL a session advisory lock lets one node sweep at a
 * time; on SQLite there is one process.
 */
export async function sweepInboxes(db: Db, options: { log?: Log; settleMs?: number; clock: Clock }): Promise<number> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  if (!pg) return sweep(db, options);
  return (await withSessionLock(db, ADVISORY_LOCK, () => sweep(db, options))) ?? 0;
}

async function sweep(db: Db, options: { log?: Log; settleMs?: number; clock: Clock }): Promise<number> {
  const { clock } = options;
  const dataDir = fileStoreOf(db);
  const settle = options.settleMs ?? SETTLE_MS;
  let taken = 0;
  // A folder is read once, for every active partner it belongs to: it takes in only their interchanges.
  const byFolder = new Map<string, PartnerRow[]>();
  for (const partner of await listPartners(db)) {
    if (partner.active) byFolder.set(partner.inboxFolder, [...(byFolder.get(partner.inboxFolder) ?? []), partner]);
  }
  for (const [folder, partners] of byFolder) {
    const dir = inboxDir(dataDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith('.') || entry.name.endsWith('.tmp')) continue;
      const file = path.join(dir, entry.name);
      // A file still being written waits; settleMs 0 takes every file as it is (a test's clock need not be the disk's).
      if (settle > 0 && clock.now().getTime() - fs.statSync(file).mtimeMs < settle) continue;
      let outcome: 'done' | 'failed' = 'done';
      try {
        const results = await ingestFile(db, file, { door: 'folder', partners, log: options.log, clock });
        // Another door or process is taking the same interchange in: the file waits for the next sweep.
        if (results.some((r) => r.status === 'in-progress')) continue;
        if (results.length === 0 || results.every((r) => r.status === 'rejected')) outcome = 'failed';
        options.log?.info(
          { file: entry.name, interchanges: results.map((r) => ({ ref: r.controlReference, status: r.status })) },
          'EDI file taken in',
        );
      } catch (error) {
        outcome = 'failed';
        if (!(error instanceof EdiSyntaxError)) options.log?.error({ err: error, file: entry.name }, 'EDI file failed');
      }
      const target = path.join(dir, outcome);
      fs.mkdirSync(target, { recursive: true });
      fs.renameSync(file, path.join(target, `${clock.now().toISOString().replace(/[:.]/g, '-')}_${entry.name}`));
      taken++;
    }
  }
  await flushEdiOutbound(db, clock);
  return taken;
}

/**
 * Watches the inboxes (fs.watch on DATA_DIR/edi/in, and a sweep every EDI_INBOX_SECONDS, 30 by default, 0 turns
 * intake by folder off): returns the stop function for the server's onClose.
 */
export function startEdiInbox(db: Db, seconds: number, log: Log | undefined, clock: Clock): () => Promise<void> {
  // What is under way when the server stops (a sweep, a flush) is let finish: the stop function waits for it.
  const underway = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    underway.add(work);
    void work.finally(() => underway.delete(work));
  };
  let stopped = false;
  // Outbound files (ORDRSP, DESADV, INVOIC) committed but not yet in their outbox: every 10 s, whatever the intake.
  const flusher = setInterval(
    () => track(flushEdiOutbound(db, clock).catch((error: unknown) => log?.error({ err: error }, 'EDI outbound flush failed'))),
    10_000,
  );
  flusher.unref();
  track(flushEdiOutbound(db, clock).catch(() => undefined));
  const finish = async () => {
    stopped = true;
    clearInterval(flusher);
    await Promise.allSettled([...underway]);
  };
  if (!(seconds > 0)) return finish;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await sweepInboxes(db, { log, clock });
      } while (again && !stopped);
    } catch (error) {
      log?.error({ err: error }, 'EDI inbox sweep failed');
    } finally {
      running = false;
    }
  };
  const root = path.join(fileStoreOf(db), 'edi', 'in');
  fs.mkdirSync(root, { recursive: true });
  let watcher: fs.FSWatcher | null = null;
  let debounce: NodeJS.Timeout | null = null;
  try {
    watcher = fs.watch(root, { recursive: true }, () => {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => track(run()), SETTLE_MS + 200);
    });
  } catch {
    watcher = null; // no recursive watch on this platform: the periodic sweep does it
  }
  const timer = setInterval(() => track(run()), seconds * 1000);
  timer.unref();
  track(run());
  return async () => {
    clearInterval(timer);
    if (debounce) clearTimeout(debounce);
    watcher?.close();
    await finish();
  };
}
