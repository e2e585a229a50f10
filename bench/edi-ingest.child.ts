import { systemClock } from '../server/clock.ts';
import { openDatabase } from '../server/db/connect.ts';
import { ingestFile } from '../server/edi/ingest.ts';

/**
 * The peak-memory child of bench/edi-ingest.ts: it imports only what `carnet edi import` needs to ingest (the
 * database and the intake), on a database the parent seeded, and prints its baseline and peak RSS.
 * Run as `node <EDI_IMPORT_NODE_FLAGS> --import tsx bench/edi-ingest.child.ts <dataDir> <file>`: tsx and the node flags
 * of `carnet edi import` (bin/node-flags.mjs), as the CLI runs it.
 */
const [dataDir, file] = process.argv.slice(2);
const handle = openDatabase({ dataDir });
const baselineRssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
const started = performance.now();
let orders = 0;
await ingestFile(handle.db, file, {
  door: 'cli',
  clock: systemClock,
  onMessage: (m) => {
    if (m.orderId !== null) orders++;
  },
});
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(JSON.stringify({ orders, seconds, baselineRssMB, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
