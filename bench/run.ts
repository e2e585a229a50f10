import fs from 'node:fs';
import { CHROMIUM } from '../test/helpers/browser.ts';
import { benchA11y } from './a11y.ts';
import { benchDeskLoad, benchDeskLoadPg } from './desk-load.ts';
import { benchEdiIngest } from './edi-ingest.ts';
import { benchIntakeAccuracy } from './intake-accuracy.ts';
import { benchOrderEntryKeys } from './order-entry-keys.ts';
import { benchOrdersHttp, benchOrdersHttpPg } from './orders-http.ts';
import { recordResults } from './record.ts';
import { benchReportService, benchReportServicePg } from './report-service.ts';
import { benchRiskScan } from './risk-scan.ts';
import { benchRules } from './rules.ts';
import { benchOrderPage } from './order-page.ts';
import { type Bench, runBenchmarks } from './runner.ts';
import { benchStartup } from './startup.ts';

const BENCHES: Bench[] = [
  {
    name: 'order-entry-keys',
    run: benchOrderEntryKeys,
    unavailable: () => (fs.existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`),
  },
  { name: 'orders-http', run: benchOrdersHttp },
  { name: 'orders-http-pg', run: benchOrdersHttpPg },
  { name: 'desk-load', run: benchDeskLoad },
  { name: 'desk-load-pg', run: benchDeskLoadPg },
  { name: 'rules-200-lines', run: benchRules },
  { name: 'risk-scan', run: benchRiskScan },
  { name: 'edi-ingest', run: benchEdiIngest },
  { name: 'order-page', run: benchOrderPage },
  { name: 'report-service', run: benchReportService },
  { name: 'report-service-pg', run: benchReportServicePg },
  { name: 'intake-accuracy', run: benchIntakeAccuracy },
  {
    name: 'startup',
    run: benchStartup,
    unavailable: () => (fs.existsSync('/proc/self/status') ? null : "no /proc to read the server's resident memory from (Linux only)"),
  },
  {
    name: 'a11y',
    run: benchA11y,
    unavailable: () => (fs.existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`),
  },
];

/** `npm run bench`: one JSON line per benchmark as it ends, also recorded in bench/RESULTS.md; exit 1 when one failed. */
const { results, failed } = await runBenchmarks(BENCHES, (line) => console.log(JSON.stringify(line)));
recordResults(results);
process.exitCode = failed ? 1 : 0;
