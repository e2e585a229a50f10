// The desk-load clients, in their own thread so their CPU does not count against the servers' process(es).
// Plain JavaScript with node:http and a keep-alive agent per client (a browser keeps its connection too).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { clients, seconds, warmupSeconds, customerId, deliveryPointId, productIds } = workerData;

const CUSTOMER_WORDS = ['martin', 'boulangerie', 'pain', 'croust', 'marché', 'C02'];
const PRODUCT_WORDS = ['farine', 'T65', 'sucre', 'sac', 'levure', 'T55'];

function request(client, method, path, payload) {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  return new Promise((resolve) => {
    const started = performance.now();
    const headers = { cookie: client.cookie ?? '' };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    if (method !== 'GET' && client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
    const req = http.request(`${client.base}${path}`, { method, agent: client.agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString(), ms: performance.now() - started, headers: res.headers }),
      );
    });
    req.on('error', (error) => resolve({ status: 0, text: error.message, ms: performance.now() - started, headers: {} }));
    req.end(body);
  });
}

async function login(client) {
  const res = await request(client, 'POST', '/api/auth/login', { email: client.email, password: client.password });
  if (res.status !== 200) throw new Error(`login of ${client.email}: ${res.status} ${res.text}`);
  client.csrfToken = JSON.parse(res.text).csrfToken;
  client.cookie = [res.headers['set-cookie']]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
}

let latencies = [];
let byKind = {};
let errors = [];

function record(kind, res, expected) {
  latencies.push(res.ms);
  (byKind[kind] ??= []).push(res.ms);
  if (res.status !== expected) errors.push({ kind, status: res.status, text: res.text.slice(0, 300) });
  return res.status === expected ? res : null;
}

/** One assistant's loop: find the customer, find products, quote, create, confirm, the list, the order's page. */
async function work(client, deadline, n) {
  let i = n;
  while (performance.now() < deadline) {
    i++;
    const word = CUSTOMER_WORDS[i % CUSTOMER_WORDS.length];
    record('customers', await request(client, 'GET', `/api/customers?q=${encodeURIComponent(word)}`), 200);
    record('products', await request(client, 'GET', `/api/products?q=${encodeURIComponent(PRODUCT_WORDS[i % PRODUCT_WORDS.length])}`), 200);
    // The bakery's usual ten products, in varying quantities: enough for its minimum order value, as a real one is.
    const lines = productIds.map((productId, k) => ({ productId, quantity: 2 + ((i + k) % 5) }));
    const order = { customerId, deliveryPointId, channel: 'phone', lines };
    record('quote', await request(client, 'POST', '/api/orders/quote', order), 200);
    const created = record('create', await request(client, 'POST', '/api/orders', order), 201);
    if (!created) continue;
    const { id } = JSON.parse(created.text);
    record('confirm', await request(client, 'POST', `/api/orders/${id}/confirm`, {}), 200);
    record('list', await request(client, 'GET', '/api/orders?limit=50'), 200);
    record('page', await request(client, 'GET', `/api/orders/${id}`), 200);
  }
}

for (const client of clients) client.agent = new http.Agent({ keepAlive: true, maxSockets: 1, noDelay: true });
for (const client of clients) await login(client);
// A warm-up first (JIT, prepared statements, caches), not counted unless it failed.
await Promise.all(clients.map((client, n) => work(client, performance.now() + warmupSeconds * 1000, n)));
const warmupErrors = errors;
latencies = [];
byKind = {};
errors = [...warmupErrors];
const deadline = performance.now() + seconds * 1000;
await Promise.all(clients.map((client, n) => work(client, deadline, n)));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const round = (x) => Math.round(x * 10) / 10;
parentPort.postMessage({
  p50: round(percentile(latencies, 50)),
  p95: round(percentile(latencies, 95)),
  p99: round(percentile(latencies, 99)),
  requests: latencies.length,
  errors: errors.length,
  p95ByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, round(percentile(v, 95))])),
  firstErrors: errors.slice(0, 5),
});
