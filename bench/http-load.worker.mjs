// The benchmark's HTTP client, in its own thread so its CPU does not count against the server's.
// Plain JavaScript with node:http and a keep-alive agent: a client several times lighter than fetch.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, cookie, csrfToken, body, orders, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, noDelay: true });

function post(path, payload) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), cookie, 'x-csrf-token': csrfToken },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function createAndConfirm() {
  const created = await post('/api/orders', body);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const { id } = JSON.parse(created.text);
  const confirmed = await post(`/api/orders/${id}/confirm`, '{}');
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
}

async function run(n) {
  let next = 0;
  const lane = async () => {
    while (next < n) {
      next++;
      await createAndConfirm();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

await run(40); // warm-up: JIT, prepared statements, connections
const start = process.hrtime.bigint();
await run(orders);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
agent.destroy();
parentPort.postMessage({ seconds });
