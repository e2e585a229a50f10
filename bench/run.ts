import fs from 'node:fs';
import { CHROMIUM } from '../test/helpers/browser.ts';
import { benchEdiIngest } from './edi-ingest.ts';
import { benchOrderEntryKeys } from './order-entry-keys.ts';
import { benchOrdersHttp } from './orders-http.ts';
import { recordResults } from './record.ts';
import { benchRiskScan } from './risk-scan.ts';
import { benchRules } from './rules.ts';
import { benchStartup } from './startup.ts';

type Result = Record<string, unknown>;
/** `unavailable` says why a benchmark cannot run on this machine; such a benchmark is skipped, not failed. */
type Bench = { name: string; run: () => Promise<Result>; unavailable?: () => string | null };

const BENCHES: Bench[] = [
  { name: 'order-entry-keys', run: benchOrderEntryKeys, unavailable: () => (fs.existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`) },
  { name: 'orders-http', run: benchOrdersHttp },
  { name: 'rules-200-lines', run: benchRules },
  { name: 'risk-scan', run: benchRiskScan },
  { name: 'edi-ingest', run: benchEdiIngest },
  {
    name: 'startup',
    run: benchStartup,
    unavailable: () => (fs.existsSync('/proc/self/status') ? null : 'no /proc to read the server\'s resident memory from (Linux only)'),
  },
];

/**
 * `npm run bench`: every benchmark this machine can run, one JSON line each as it ends, also recorded in
 * bench/RESULTS.md. One that cannot run says why (`skipped`), one that fails says how (`error`) and the others
 * still run; the exit code is 1 when any failed.
 */
const results: Result[] = [];
for (const bench of BENCHES) {
  const reason = bench.unavailable?.() ?? null;
  let result: Result;
  if (reason) result = { bench: bench.name, skipped: reason };
  else {
    try {
      result = await bench.run();
    } catch (error) {
      result = { bench: bench.name, error: error instanceof Error ? error.message : String(error) };
    }
  }
  console.log(JSON.stringify(result));
  results.push(result);
}
recordResults(results);
process.exitCode = results.some((r) => 'error' in r) ? 1 : 0;
