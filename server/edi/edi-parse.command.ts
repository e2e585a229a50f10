import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { describeLocation, EdiSyntaxError, type EdiWarning } from '../../core/edi/errors.ts';
import { summarizeMessage } from '../../core/edi/eancom/summary.ts';
import { ediSyntaxProblem } from './edi-problem.ts';
import { readEdiEvents } from './read-interchanges.ts';

const MAX_WARNINGS_SHOWN = 100;

/** Writes with back-pressure, in batches of about 64 KiB so a large file is not a million tiny writes. */
class BufferedOut {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65_536) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}

/** Pass 2: the JSON of issue 5 § 7, written as the file is read again (constant memory). */
async function printSummary(file: string, out: Writable): Promise<void> {
  const w = new BufferedOut(out);
  let interchanges = 0;
  let messages = 0;
  await w.write('{"interchanges":[');
  for await (const event of readEdiEvents(file)) {
    if (event.type === 'interchange') {
      const h = event.header;
      await w.write(
        `${interchanges++ ? ',' : ''}{"sender":${JSON.stringify(h.sender.id)},"recipient":${JSON.stringify(h.recipient.id)},"reference":${JSON.stringify(h.reference)},"messages":[`,
      );
      messages = 0;
    } else if (event.type === 'message') {
      await w.write((messages++ ? ',' : '') + JSON.stringify(summarizeMessage(event.message)));
    } else if (event.type === 'interchange-end') {
      await w.write(']}');
    }
  }
  await w.write(']}\n');
  await w.flush();
}

function warningLine(w: EdiWarning): string {
  return `warning: ${w.message} (${describeLocation(w)})`;
}

/**
 * `carnet edi parse <file>`: reads, never writes the database. Exit 0 with the JSON on stdout (warnings on
 * stderr), 2 with a problem JSON on stdout for a malformed file, 1 when the file cannot be read.
 * The file is read twice: a first pass checks it, so stdout never holds half a JSON followed by a problem;
 * both passes stream, so a file of any size fits.
 */
export async function ediParseCommand(file: string, out: Writable = process.stdout, err: Writable = process.stderr): Promise<number> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    err.write(`cannot read ${file}: no such file\n`);
    return 1;
  }
  if (!stat.isFile()) {
    err.write(`cannot read ${file}: not a file\n`);
    return 1;
  }
  const warnings: EdiWarning[] = [];
  let warningCount = 0;
  try {
    for await (const event of readEdiEvents(file)) {
      if (event.type === 'warning' && warningCount++ < MAX_WARNINGS_SHOWN) warnings.push(event.warning);
    }
  } catch (error) {
    if (!(error instanceof EdiSyntaxError)) throw error;
    out.write(`${JSON.stringify(ediSyntaxProblem(error.location))}\n`);
    return 2;
  }
  await printSummary(file, out);
  for (const w of warnings) err.write(`${warningLine(w)}\n`);
  if (warningCount > warnings.length) err.write(`… and ${warningCount - warnings.length} more warnings\n`);
  return 0;
}

export function registerEdiCommands(program: Command): void {
  const edi = program.command('edi').description('EANCOM (UN/EDIFACT) interchanges');
  edi
    .command('parse')
    .description('read an interchange file and print its messages as JSON; writes nothing (exit 2 and a problem JSON if malformed)')
    .argument('<file>', 'an EDIFACT / EANCOM file, one or several interchanges')
    .action(async (file: string) => {
      process.exitCode = await ediParseCommand(file);
    });
}
