import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../server/auth/auth.plugin.ts';
import { BIG_CENTS_MAX, INT32_MAX } from '../../core/shared/schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// PostgreSQL refuses an integer beyond 32 bits in an `integer` column, a bigint beyond 64 and a NUL in text, where
// SQLite stores them: each was a 500 there. Every number and string the API takes is bounded in its schema, which
// the first test reads from the OpenAPI document (what clients are promised); the others send what broke.

type Schema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
  patternProperties?: Record<string, Schema>;
  $ref?: string;
};
type Spec = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { in: string; name: string; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** Whether a regular expression could accept a NUL: `.`, a negated escape, or a negated class that does not exclude it. */
function mayMatchNul(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if ('SDWP'.includes(pattern[i + 1])) return true;
      i++;
    } else if (c === '.') return true;
    else if (c === '[') {
      let end = i + 1;
      while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
      const body = pattern.slice(i + 1, end);
      if (body.startsWith('^') && !body.includes('\\u0000') && !body.includes('\\x00')) return true;
      if (/\\[SDW]/.test(body)) return true;
      i = end;
    }
  }
  return false;
}

/** Whether a pattern anchored at both ends, with no `*`, `+` or `{n,}`, caps the length by itself. */
const boundsLength = (pattern: string) => pattern.startsWith('^') && pattern.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern);

const isIdName = (name: string) => /(^id$|Id$|Ids$)/.test(name);

/** Every unbounded number or string reachable in a request schema, named by its path. */
function unbounded(spec: Spec, schema: Schema, path: string, name: string): string[] {
  if (schema.$ref) return unbounded(spec, spec.components!.schemas![schema.$ref.split('/').at(-1)!], path, name);
  const nested = [
    ...Object.entries(schema.properties ?? {}).map(([key, s]) => unbounded(spec, s, `${path}.${key}`, key)),
    ...Object.values(schema.patternProperties ?? {}).map((s) => unbounded(spec, s, `${path}.*`, name)),
    ...(typeof schema.additionalProperties === 'object' ? [unbounded(spec, schema.additionalProperties, `${path}.*`, name)] : []),
    ...(schema.items ? [unbounded(spec, schema.items, `${path}[]`, name)] : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].map((s) => unbounded(spec, s, path, name)),
  ].flat();
  if (schema.enum || schema.const !== undefined) return nested;
  if (schema.type === 'string') {
    if (schema.format === 'date' || schema.format === 'date-time') return nested;
    if (schema.maxLength === undefined && !(schema.pattern && boundsLength(schema.pattern)))
      nested.push(`${path}: a string without maxLength`);
    if (schema.pattern === undefined || mayMatchNul(schema.pattern))
      nested.push(`${path}: a string that may hold a NUL (pattern ${schema.pattern ?? 'none'})`);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum === undefined || schema.maximum === undefined) nested.push(`${path}: a number without minimum and maximum`);
    else if (schema.maximum > (isIdName(name) ? INT32_MAX : BIG_CENTS_MAX))
      nested.push(`${path}: maximum ${schema.maximum} beyond what its column holds`);
  }
  if (schema.type === undefined && !schema.anyOf && !schema.oneOf && !schema.allOf && !schema.$ref)
    nested.push(`${path}: a value of any type`);
  return nested;
}

describe('request schemas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: false });
  });
  afterAll(() => t.close());

  it('bound every number and string a route takes to what both engines store', () => {
    const spec = t.app.swagger() as unknown as Spec;
    const found: string[] = [];
    for (const [url, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const at = `${method.toUpperCase()} ${url}`;
        for (const p of operation.parameters ?? []) found.push(...unbounded(spec, p.schema, `${at} ${p.in}.${p.name}`, p.name));
        const json = operation.requestBody?.content['application/json'];
        if (json) found.push(...unbounded(spec, json.schema, `${at} body`, 'body'));
      }
    }
    expect(found).toEqual([]);
  });

  it('knows a NUL-proof pattern from one that is not', () => {
    expect(['^\\d{13}$', '^[A-Z0-9_]{1,40}$', '^[^\\u0000]*$', '^[^\\s@\\u0000]+$'].map(mayMatchNul)).toEqual([false, false, false, false]);
    expect(['^\\S+$', '^.*$', '^[^\\s@]+$', '^\\D$'].map(mayMatchNul)).toEqual([true, true, true, true]);
  });
});

describe.each(await testEngines())('inputs beyond what the engines store, on %s', (engine) => {
  let t: TestApp;
  let sessions: Record<'admin' | 'manager' | 'assistant', Session>;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    sessions = {
      admin: await login(t.app, 'admin@demo.local'),
      manager: await login(t.app, 'manager@demo.local'),
      assistant: await login(t.app, 'adv@demo.local'),
    };
  });
  afterAll(() => t.close());

  const send = (session: Session | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const expectRefused = (res: Awaited<ReturnType<typeof send>>, label: string, status = 400, field?: string) => {
    expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(status);
    expect(res.headers['content-type'], label).toContain('application/problem+json');
    expect(res.json().code, label).toBeTruthy();
    if (field)
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        label,
      ).toContain(field);
  };

  it('answers the requests that were 500s on PostgreSQL with a 4xx problem naming the field', async () => {
    const order = { customerId: ids.customer('C001'), channel: 'phone', lines: [{ customerCode: 'CM-204511', quantity: 80 }] };
    const customer = (await send(sessions.manager, 'GET', `/api/customers/${ids.customer('C001')}`)).json();
    const { id: _id, deliveryPoints: _dp, contacts: _c, ...account } = customer;
    const product = ids.product('FAR-T45-1KG').id;
    const warehouse = (await t.handle.db.selectFrom('warehouses').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const cases: [string, Session | null, string, string, unknown, number, string?][] = [
      ['order id beyond 32 bits', sessions.assistant, 'GET', '/api/orders/2147483648', undefined, 400, 'params.id'],
      ['document id beyond 64 bits', sessions.assistant, 'GET', '/api/documents/9223372036854775808', undefined, 400, 'params.id'],
      ['order id in hexadecimal', sessions.assistant, 'GET', '/api/orders/0x10', undefined, 400, 'params.id'],
      ['order id after a space', sessions.assistant, 'GET', '/api/orders/%201', undefined, 400, 'params.id'],
      [
        'customerId filter beyond 32 bits',
        sessions.assistant,
        'GET',
        '/api/orders?customerId=2147483648',
        undefined,
        400,
        'querystring.customerId',
      ],
      ['NUL in a search', sessions.assistant, 'GET', '/api/orders?q=%00', undefined, 400, 'querystring.q'],
      ['NUL in a customer search', sessions.assistant, 'GET', '/api/customers?q=a%00b', undefined, 400, 'querystring.q'],
      [
        'customerId beyond 32 bits in a body',
        sessions.assistant,
        'POST',
        '/api/orders',
        { ...order, customerId: 2147483648 },
        400,
        'body.customerId',
      ],
      ['NUL in an order note', sessions.assistant, 'POST', '/api/orders', { ...order, note: 'call \u0000 back' }, 400, 'body.note'],
      [
        'creditLimitCents of 1e20',
        sessions.manager,
        'PUT',
        `/api/customers/${ids.customer('C001')}`,
        { ...account, creditLimitCents: 1e20 },
        400,
        'body.creditLimitCents',
      ],
      [
        'NUL in a customer name',
        sessions.manager,
        'PUT',
        `/api/customers/${ids.customer('C001')}`,
        { ...account, name: 'Cap\u0000' },
        400,
        'body.name',
      ],
      ['onHand beyond 32 bits', sessions.admin, 'PUT', `/api/stock/${warehouse}/${product}`, { onHand: 2147483648 }, 400, 'body.onHand'],
      [
        'a unit price beyond 32 bits',
        sessions.manager,
        'POST',
        `/api/customers/${ids.customer('C001')}/prices`,
        { productId: product, unitPriceCents: 2147483648, validFrom: '2027-01-01', validTo: null },
        400,
        'body.unitPriceCents',
      ],
      [
        'a penalty fee beyond 32 bits',
        sessions.manager,
        'PUT',
        `/api/customers/${ids.customer('C001')}/penalty-clause`,
        { latePerDayCents: 100_000_000_000, backordersAccepted: true, l441Applicable: true },
        400,
        'body.latePerDayCents',
      ],
      ['NUL in a login email', null, 'POST', '/api/auth/login', { email: 'adv\u0000@demo.local', password: 'x' }, 400, 'body.email'],
    ];
    for (const [label, session, method, url, payload, status, field] of cases)
      expectRefused(await send(session, method, url, payload), label, status, field);

    const huge = await send(null, 'POST', '/api/edi/interchanges', "UNA:+.? '", {
      authorization: 'Bearer edi_999999999999999999999_x',
      'content-type': 'application/edifact',
    });
    expectRefused(huge, 'partner token with an id beyond 32 bits', 401);
  });

  it("refuses a line whose customer code's unit factor takes it past the most one line may order", async () => {
    const customerId = ids.customer('C001');
    const code = await send(sessions.manager, 'POST', `/api/customers/${customerId}/product-codes`, {
      code: 'CM-BIG-LOT',
      productId: ids.product('FAR-T45-1KG').id,
      unitFactor: 100_000,
    });
    expect(code.statusCode, code.body).toBe(201);
    const res = await send(sessions.assistant, 'POST', '/api/orders', {
      customerId,
      channel: 'phone',
      lines: [{ customerCode: 'CM-BIG-LOT', quantity: 20 }],
    });
    expectRefused(res, '20 × 100 000', 422, 'body.lines.0.quantity');
  });

  it('refuses, row by row, import cells beyond what the columns hold: a NUL, a count beyond 32 bits', async () => {
    const upload = async (kind: string, content: string | Buffer, filename = 'data.csv') => {
      const body = multipart({ filename, content }, 'commit');
      return send(sessions.admin, 'POST', `/api/imports/${kind}`, body.payload, { 'content-type': body.contentType });
    };
    const stock = await upload('stock-levels', 'warehouseCode;productCode;onHand\nWH-MOULIN;FAR-T45-1KG;3000000000\n');
    expect(stock.statusCode, stock.body).toBe(422);
    expect(stock.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'onHand' })]);
    const prices = await upload('price-lists', 'priceListCode;productCode;minQuantity;unitPrice\nPL-STD;FAR-T45-1KG;1;30000000,00\n');
    expect(prices.statusCode, prices.body).toBe(422);
    expect(prices.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'unitPrice' })]);
    // A CSV with a NUL is not text at all; a workbook writes it _x0000_, which reads back as a NUL.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('receipts').addRows([
      ['warehouseCode', 'productCode', 'ref', 'date', 'quantity', 'kind', 'status'],
      ['WH-MOULIN', 'FAR-T45-1KG', 'OF_x0000_1', '2027-01-10', 100, 'PRODUCTION', 'planned'],
    ]);
    const nul = await upload('planned-receipts', Buffer.from(await book.xlsx.writeBuffer()), 'data.xlsx');
    expect(nul.statusCode, nul.body).toBe(422);
    expect(nul.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'ref', reason: 'contains a NUL character' })]);
    // The file's name is kept with it.
    expectRefused(await upload('stock-levels', 'warehouseCode;productCode;onHand\n', 'stock\u0000.csv'), 'NUL in a file name', 400, 'file');
  });

  it('answers 400 or 404, never a 500, to an id beyond 32 bits or not in decimal, on every route that takes one', async () => {
    const routes = t.app.apiRouteAccess.filter((r) => r.url.includes('/:'));
    const sessionFor = (route: RouteAccess) =>
      route.access === 'public'
        ? null
        : sessions[(['admin', 'manager', 'assistant'] as const).find((role) => route.access.includes(role))!];
    const wrong: string[] = [];
    for (const route of routes) {
      const session = sessionFor(route);
      if (route.access !== 'public' && !session) continue;
      for (const bad of ['2147483648', '9223372036854775808', '0x10', '%201', '1e3', '-0', '01', '1.5']) {
        // One parameter wrong at a time, the others a plain 1 (which may well be missing: a 404 is fine).
        for (const param of route.url.match(/:\w+/g)!) {
          const url = route.url.replace(/:\w+/g, (p) => (p === param ? bad : p === ':kind' ? 'products' : '1'));
          if (param === ':kind') continue;
          const res = await send(session, route.method, url, ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined);
          if (res.statusCode !== 400 && res.statusCode !== 404)
            wrong.push(`${route.method} ${url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
          else if (!String(res.headers['content-type']).includes('application/problem+json'))
            wrong.push(`${route.method} ${url}: not a problem`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
