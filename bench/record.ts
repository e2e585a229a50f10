import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/clock.ts';

const RESULTS = path.resolve(import.meta.dirname, 'RESULTS.md');
const BEGIN = '<!-- latest-run:begin -->';
const END = '<!-- latest-run:end -->';

/**
 * Writes the run's figures into bench/RESULTS.md between the markers, with the command, the date and the
 * machine, so the file always says where its numbers came from. The text around the markers (goals, notes,
 * history) is kept as written.
 */
export function recordResults(results: readonly Record<string, unknown>[]): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const block = [
    BEGIN,
    `Command: \`npm run bench\` — ${systemClock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    '',
    '```',
    ...results.map((r) => JSON.stringify(r)),
    '```',
    END,
  ].join('\n');
  const current = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(RESULTS, next);
}
