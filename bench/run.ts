import { benchOrderEntryKeys } from './order-entry-keys.ts';
import { benchOrdersHttp } from './orders-http.ts';
import { recordResults } from './record.ts';
import { benchRiskScan } from './risk-scan.ts';
import { benchRules } from './rules.ts';
import { benchEdiIngest } from './edi-ingest.ts';
import { benchOrderPage } from './order-page.ts';

/** `npm run bench`: one JSON line per benchmark, last on stdout, also recorded in bench/RESULTS.md. */
const results = [];
for (const bench of [benchOrderEntryKeys, benchOrdersHttp, benchRules, benchRiskScan, benchEdiIngest, benchOrderPage]) results.push(await bench());
recordResults(results);
for (const r of results) console.log(JSON.stringify(r));
