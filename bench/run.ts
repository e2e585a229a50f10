import { benchOrderEntryKeys } from './order-entry-keys.ts';
import { benchOrdersHttp } from './orders-http.ts';
import { benchRules } from './rules.ts';

/** `npm run bench`: one JSON line per benchmark, last on stdout. Record them in bench/RESULTS.md. */
const results = [];
for (const bench of [benchOrderEntryKeys, benchOrdersHttp, benchRules]) results.push(await bench());
for (const r of results) console.log(JSON.stringify(r));
