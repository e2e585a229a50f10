import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { EdiSyntaxError } from '../../core/edi/errors.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Db } from '../db/database.ts';
import { ediSyntaxProblem } from './edi-problem.ts';
import { ingestFile, type InterchangeResult } from './ingest.ts';

/** The files a path names: the file itself, or the regular files of a folder (not its done/ or failed/), by name. */
export function filesOf(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(target, e.name))
    .sort();
}

export function summarize(results: readonly InterchangeResult[]) {
  return results.map((r) => {
    const { accepted, done, queued, rejected, skipped } = r.counts;
    return {
      interchangeId: r.interchangeId,
      sender: r.sender,
      controlReference: r.controlReference,
      status: r.status,
      duplicateOf: r.duplicateOf,
      accepted: accepted + done,
      queued,
      rejected,
      skipped,
      error: r.error,
      warnings: r.warnings.length,
    };
  });
}

/** `carnet edi import <file|dir>`: each file through the same intake as the folder and HTTP doors, with a progress bar. */
export async function ediImport(db: Db, target: string, options: { log?: boolean; quiet?: boolean } = {}): Promise<number> {
  let exit = 0;
  for (const file of filesOf(target)) {
    const size = fs.statSync(file).size;
    const bar =
      options.quiet || options.log || !process.stderr.isTTY
        ? null
        : new SingleBar(
            { format: `${path.basename(file)} [{bar}] {percentage}% | {messages} messages | {rate} msg/s`, stream: process.stderr },
            Presets.shades_classic,
          );
    bar?.start(size, 0, { messages: 0, rate: 0 });
    const started = performance.now();
    let n = 0;
    try {
      const results = await ingestFile(db, file, {
        door: 'cli',
        clock: systemClock,
        // What the database or a bug said, kept out of the stored reasons, goes to the operator's terminal.
        log: { error: (o, m) => console.error(m, o) },
        onMessage: (m, offset) => {
          n++;
          if (options.log)
            process.stdout.write(
              `${m.messageReference} ${m.type} ${m.status}${m.orderId ? ` order ${m.orderId}` : ''}${m.reason ? ` — ${m.reason}` : ''}\n`,
            );
          if (bar && n % 50 === 0)
            bar.update(Math.min(size, offset), { messages: n, rate: Math.round(n / ((performance.now() - started) / 1000)) });
        },
      });
      bar?.update(size, { messages: n, rate: Math.round(n / Math.max(0.001, (performance.now() - started) / 1000)) });
      bar?.stop();
      const summary = summarize(results);
      if (!options.quiet) console.log(JSON.stringify({ file, interchanges: summary }));
      if (summary.some((s) => s.status === 'rejected' || s.status === 'partially-rejected')) exit = Math.max(exit, 1);
    } catch (error) {
      bar?.stop();
      if (error instanceof EdiSyntaxError) {
        console.error(JSON.stringify(ediSyntaxProblem(error.location)));
        exit = 2;
      } else throw error;
    }
  }
  return exit;
}

export function registerEdiImportCommand(program: Command): void {
  const edi = program.commands.find((c) => c.name() === 'edi') ?? program.command('edi');
  edi
    .command('import')
    .description(
      'take in EANCOM interchanges (ORDERS, INVRPT) from a file or every file of a folder; the same interchange twice creates nothing',
    )
    .argument('<target>', 'a file or a folder')
    .option('--log', 'one line per message on stdout')
    .action(async (target: string, options: { log?: boolean }) => {
      const config = loadConfig();
      const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        await migrateToLatest(handle.db);
        process.exitCode = await ediImport(handle.db, target, options);
      } finally {
        await handle.close();
      }
    });
}
