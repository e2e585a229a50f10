import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../server/audit/audit.repository.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { client, createTestApp, login, type Session, TEST_TODAY, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Issue 16, item 4: the accounting's aged balance comes in as a file (same row-by-row report as every import),
 * each customer's open and overdue amounts are read back with the day they stand at, and the credit check says it.
 */
describe.each(await testEngines())('customer credit from the accounting on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let manager: Session;
  let assistant: Session;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    manager = await login(t.app, 'manager@demo.local');
    assistant = await login(t.app, 'adv@demo.local');
  });
  afterAll(() => t.close());

  const upload = (content: string, mode: string, session: Session) => {
    const body = multipart({ filename: 'balance-agee.csv', content }, mode);
    return t.app.inject({
      method: 'POST',
      url: '/api/customers/credit',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
  };
  const header = 'customerCode;unpaidBalance;overdue;asOf\r\n';

  it('reports row by row, refuses older figures than those held, and writes the good rows with their date', async () => {
    const file =
      header +
      `C020;7 900,00;1 250,50;${TEST_TODAY}\r\n` +
      'C999;100;0;2026-03-09\r\n' +
      'C001;100;0;2026-01-31\r\n' + // the demo's figures stand at today: last month's file is late
      'C002;100;250;2026-03-09\r\n' + // more overdue than unpaid
      'C003;12,5;;09/03/2026\r\n';
    expect((await upload(file, 'commit-valid', assistant)).statusCode).toBe(403);

    const checked = await upload(file, 'validate', manager);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ kind: 'customer-credit', totalRows: 5, validRows: 2, written: 0 });
    expect(checked.json().errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, 'customerCode', 'not-found'],
      [4, 'asOf', 'out-of-range'],
      [5, 'overdue', 'out-of-range'],
    ]);
    expect((await upload(file, 'commit', manager)).statusCode).toBe(422);

    const written = await upload(file, 'commit-valid', manager);
    expect(written.json()).toMatchObject({ written: 2 });
    const martin = ids.customer('C020');
    const credit = await client(t.app, assistant).get(`/api/customers/${martin}/credit`);
    expect(credit.statusCode).toBe(200);
    expect(credit.json()).toMatchObject({ limitCents: 800000, unpaidBalanceCents: 790000, overdueCents: 125050, asOf: TEST_TODAY });
    expect((await client(t.app, assistant).get(`/api/customers/${ids.customer('C003')}/credit`)).json()).toMatchObject({
      unpaidBalanceCents: 1250,
      overdueCents: 0,
    });
    const [event] = (await listAuditEvents(t.handle.db, { entityType: 'customer_credit', entityId: martin })).slice(-1);
    expect(event).toMatchObject({
      action: 'import',
      before: { unpaidBalanceCents: 210000 },
      after: { unpaidBalanceCents: 790000, overdueCents: 125050, asOf: TEST_TODAY },
    });
    expect((await client(t.app, assistant).get('/api/customers/999999/credit')).statusCode).toBe(404);
  });

  it('the credit check counts the imported unpaid and says as of when', async () => {
    const quote = await client(t.app, assistant).post('/api/orders/quote', {
      customerId: ids.customer('C020'),
      channel: 'phone',
      lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 10 }],
    });
    expect(quote.statusCode, quote.body).toBe(200);
    const finding = quote.json().findings.find((f: { rule: string }) => f.rule === 'credit-limit');
    expect(finding).toMatchObject({ severity: 'approval', data: { unpaidBalanceCents: 790000, unpaidAsOf: TEST_TODAY } });
    expect(finding.messages.en).toContain('unpaid €7,900.00 as of');
  });
});
