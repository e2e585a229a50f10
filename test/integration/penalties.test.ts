import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { testEngines } from '../helpers/engines.ts';
import { fixedClock } from '../../server/clock.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Notice = {
  id: number;
  reference: string;
  status: string;
  assessment: { findings: { id: string; fr: string; en: string }[]; recommendedAcceptedCents: number; capCents: number | null };
  due: string;
  letterDocumentId: number | null;
};

describe.each(await testEngines())('logistic penalties on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  const clock = fixedClock(TEST_NOW);
  const today = parisNow(clock.now()).date;
  const orderByRef = async (ref: string) =>
    (await t.handle.db.selectFrom('orders').select('id').where('customerRef', '=', ref).executeTakeFirstOrThrow()).id;
  const deliveryOf = async (orderId: number) =>
    (await t.handle.db.selectFrom('deliveries').select('id').where('orderId', '=', orderId).executeTakeFirstOrThrow()).id;
  const count = async (table: 'penaltyNotices' | 'penaltyClauses' | 'auditEvents' | 'documents') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const notices = async (query = ''): Promise<Notice[]> => (await adv.get(`/api/penalty-notices${query}`)).json().items;
  const byRef = async (ref: string) => (await notices()).find((n) => n.reference === ref)!;
  const checks = (n: Notice) => n.assessment.findings.map((f) => f.id);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
  });
  afterAll(() => t.close());

  it("reads each customer's clause: a retail chain under L441-17, a wholesaler outside it, an artisan with none", async () => {
    const cap = (await adv.get(`/api/customers/${ids.customer('C001')}/penalty-clause`)).json();
    expect(cap).toMatchObject({
      typology: 'GMS_CENTRALE',
      l441Applicable: true,
      frame: { capBp: 200, maxAgeDays: 365, contestPeriodDays: 30 },
    });
    expect(cap.clause).toMatchObject({
      lateFlatCents: 12000,
      missingValueBp: 1000,
      serviceRateTargetBp: 9700,
      contestPeriodDays: 15,
      backordersAccepted: false,
    });
    expect((await adv.get(`/api/customers/${ids.customer('C012')}/penalty-clause`)).json()).toMatchObject({
      typology: 'GROSSISTE',
      l441Applicable: false,
      clause: { missingValueBp: 500 },
    });
    expect((await admin.get(`/api/customers/${ids.customer('C020')}/penalty-clause`)).json()).toMatchObject({
      clause: null,
      l441Applicable: false,
    });
  });

  it('lets a manager set a clause, audited; an assistant may not; bad input is refused by field, nothing written', async () => {
    const url = `/api/customers/${ids.customer('C020')}/penalty-clause`;
    const body = {
      contractRef: 'Accord test',
      latePerDayCents: 500,
      lateFlatCents: null,
      missingValueBp: 300,
      serviceRateTargetBp: 9500,
      serviceRateToleranceBp: 100,
      contestPeriodDays: 20,
      backordersAccepted: true,
      l441Applicable: false,
    };
    expect((await adv.put(url, body)).statusCode).toBe(403);
    const audits = await count('auditEvents');
    const bad = await manager.put(url, { ...body, missingValueBp: 20_000, contestPeriodDays: 400 });
    expect(bad.statusCode).toBe(400);
    expect([...new Set(bad.json().errors.map((e: { path: string }) => e.path))].sort()).toEqual([
      'body.contestPeriodDays',
      'body.missingValueBp',
    ]);
    expect([await count('penaltyClauses'), await count('auditEvents')]).toEqual([5, audits]);
    const ok = await manager.put(url, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().clause).toMatchObject({ latePerDayCents: 500, serviceRateToleranceBp: 100 });
    const event = await t.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'penalty_clause')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ entityId: ids.customer('C020'), action: 'create' });
  });

  it("estimates the demo's short delivery: 40 icing-sugar packs missing at Cap Marché, 10 % of their value, under the sugar cap", async () => {
    const delivery = await deliveryOf(await orderByRef('CM-PO-772388'));
    const res = await adv.get(`/api/deliveries/${delivery}/penalty`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      contractCents: 5040,
      claimableCents: 5040,
      legalCapCents: 11676,
      l441Applicable: true,
      daysLate: 0,
      hasClause: true,
    });
    expect(res.json().categories).toEqual([
      { category: 'SUCRES_CONSO', orderedValueCents: 583800, capCents: 11676, contractCents: 5040, claimableCents: 5040 },
    ]);
  });

  it("estimates the demo's late delivery: Distri'Ouest served a day late, its 90 € shared between flour and sugar", async () => {
    const delivery = await deliveryOf(await orderByRef('DO-2026-01-0007'));
    const e = (await adv.get(`/api/deliveries/${delivery}/penalty`)).json();
    expect(e).toMatchObject({ daysLate: 1, contractCents: 9000, claimableCents: 9000, legalCapCents: 5600 + 8568 });
    expect(e.deliveredDate).toBe(addDays(e.promisedDate, 1));
  });

  it('applies the cap on exposure: 120 € for a day late on 288 € of flour is brought down to 5,76 €; a short line on time too', async () => {
    const order = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C001'),
        channel: 'phone',
        lines: [{ customerCode: 'CM-204511', quantity: 40 }],
      })
    ).json();
    const res = await adv.get(`/api/orders/${order.id}/penalty-exposure?daysLate=2&short=${order.lines[0].id}:10`);
    expect(res.statusCode).toBe(200);
    const x = res.json();
    expect(x.late).toMatchObject({ daysLate: 2, contractCents: 12000, claimableCents: 576, legalCapCents: 576 });
    expect(x.short).toMatchObject({ daysLate: 0, contractCents: 720, claimableCents: 576 });
    const bad = await adv.get(`/api/orders/${order.id}/penalty-exposure?short=${order.lines[0].id}:41&daysLate=-1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.daysLate');
    const tooShort = await adv.get(`/api/orders/${order.id}/penalty-exposure?short=${order.lines[0].id}:41`);
    expect(tooShort.json().errors).toEqual([
      {
        path: 'querystring.short.0',
        code: 'out-of-range',
        params: { comparison: '<=', limit: 40 },
        message: '41 short is more than the 40 ordered',
      },
    ]);
    // A delivery not delivered yet has no penalty of its own: the order's exposure answers for it. Half a pallet is
    // under Cap Marché's one-pallet minimum: a manager approves it first.
    expect((await manager.post(`/api/orders/${order.id}/approve`, { reason: 'petit réassort accepté' })).statusCode).toBe(200);
    expect((await adv.post(`/api/orders/${order.id}/confirm`)).statusCode).toBe(200);
    await adv.post(`/api/orders/${order.id}/release`);
    const planned = await deliveryOf(order.id);
    expect((await adv.get(`/api/deliveries/${planned}/penalty`)).statusCode).toBe(409);
  });

  it('checks the demo notices against the law: over cap, no harm, force majeure, too old, deducted, wholesaler', async () => {
    const all = await notices();
    expect(all).toHaveLength(6);
    const capMarcheLate = await byRef('PEN-2025-002');
    expect(checks(capMarcheLate)).toEqual(['no-stockout-no-harm-proof', 'over-cap']);
    expect(capMarcheLate.assessment).toMatchObject({ capCents: 3835, recommendedAcceptedCents: 0 });
    expect(capMarcheLate.assessment.findings[1].fr).toContain('38,35 €');
    const snow = await byRef('PEN-2026-001');
    expect(checks(snow)).toEqual(['force-majeure', 'no-stockout-no-harm-proof', 'over-cap']);
    expect(snow.status).toBe('received');
    const prixNet = await byRef('PEN-2026-003');
    expect(checks(prixNet)).toEqual(['too-old', 'no-stockout-no-harm-proof', 'cap-unknown', 'automatic-deduction']);
    expect(prixNet.due).toBe('soon');
    const spd = await byRef('PEN-2026-004');
    expect(checks(spd)).toEqual(['wholesaler-excluded']);
    expect(spd.assessment.recommendedAcceptedCents).toBe(10118);
    expect(checks(await byRef('PEN-2025-001'))).toEqual([]);
    // The reminders: PrixNet's 10-day contract period ends within the week; the Cap Marché follow-up is due tomorrow.
    expect((await notices('?due=soon')).map((n) => n.reference).sort()).toEqual(['PEN-2025-002', 'PEN-2026-003']);
    expect((await notices(`?status=settled&customerId=${ids.customer('C001')}`)).map((n) => n.reference)).toEqual(['PEN-2025-001']);
  });

  it('records a notice without proof, contests it with a generated letter, and a manager settles it', async () => {
    const orderId = await orderByRef('ME-45520');
    const received = addDays(today, -2);
    const body = {
      reference: 'ME-PEN-0042',
      customerId: ids.customer('C003'),
      orderId,
      receivedDate: received,
      failureDate: addDays(today, -20),
      kind: 'missing',
      category: 'FARINES_CONSO',
      claimedCents: 10000,
      proofOfFailure: false,
      proofOfHarm: false,
      stockoutDocumented: false,
      deductedFromInvoice: false,
    };
    const res = await adv.post('/api/penalty-notices', body);
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({
      status: 'received',
      categoryOrderedValueCents: 280000,
      contestDeadline: addDays(received, 30),
      orderNumber: expect.any(String),
      due: 'later',
    });
    expect(checks(n)).toEqual(['no-proof', 'no-stockout-no-harm-proof', 'over-cap']);
    expect((await adv.post('/api/penalty-notices', body)).json().errors).toEqual([
      {
        path: 'body.reference',
        code: 'taken',
        params: { value: 'ME-PEN-0042' },
        message: 'notice ME-PEN-0042 is already recorded for this customer',
      },
    ]);

    const documents = await count('documents');
    const contested = await adv.post(`/api/penalty-notices/${n.id}/contest`, {
      reason: 'Le rapport de réception ne nous a jamais été transmis.',
    });
    expect(contested.statusCode).toBe(200);
    expect(contested.json()).toMatchObject({
      status: 'contested',
      contestReason: 'Le rapport de réception ne nous a jamais été transmis.',
      reminderDate: addDays(today, 15),
    });
    expect(await count('documents')).toBe(documents + 1);
    const pdf = await adv.get(`/api/documents/${contested.json().letterDocumentId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain('contestation-ME-PEN-0042.pdf');
    expect((await adv.post(`/api/penalty-notices/${n.id}/contest`, { reason: 'encore' })).json().code).toBe('INVALID_TRANSITION');

    expect((await adv.post(`/api/penalty-notices/${n.id}/settle`, { acceptedCents: 0 })).statusCode).toBe(403);
    const over = await manager.post(`/api/penalty-notices/${n.id}/settle`, { acceptedCents: 10001 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].path).toBe('body.acceptedCents');
    const settled = await manager.post(`/api/penalty-notices/${n.id}/settle`, { acceptedCents: 0, note: 'Avis annulé par la centrale' });
    expect(settled.json()).toMatchObject({
      status: 'settled',
      acceptedCents: 0,
      settlementNote: 'Avis annulé par la centrale',
      due: 'none',
    });
    const events = await t.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'penalty_notice')
      .where('entityId', '=', n.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['record', 'contest', 'settle']);
  });

  it('contests the snow-day notice on force majeure, in the letter', async () => {
    const snow = await byRef('PEN-2026-001');
    const res = await adv.post(`/api/penalty-notices/${snow.id}/contest`, { reason: 'Centrale prévenue la veille à 15 h.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().letterDocumentId).toMatch(/^[\w-]{22}$/);
  });

  it('refuses bad notices by field and writes nothing; admin reads but may not record', async () => {
    const before = [await count('penaltyNotices'), await count('auditEvents')];
    const bad = await adv.post('/api/penalty-notices', {
      reference: 'X-1',
      customerId: ids.customer('C001'),
      receivedDate: addDays(today, -1),
      failureDate: today,
      kind: 'missing',
      claimedCents: 100,
      proofOfFailure: true,
      proofOfHarm: true,
      stockoutDocumented: true,
      deductedFromInvoice: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      {
        path: 'body.failureDate',
        code: 'before-start',
        params: { after: 'failureDate' },
        message: 'is after the date the notice was received',
      },
    ]);
    const shape = await adv.post('/api/penalty-notices', {
      reference: '',
      customerId: ids.customer('C001'),
      receivedDate: today,
      failureDate: today,
      claimedCents: -5,
      proofOfFailure: true,
      proofOfHarm: true,
      stockoutDocumented: true,
      deductedFromInvoice: false,
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.claimedCents', 'body.kind', 'body.reference']);
    const notADay = await adv.post('/api/penalty-notices', {
      reference: 'X-3',
      customerId: ids.customer('C001'),
      receivedDate: '2026-02-30',
      failureDate: '2026-01-10',
      kind: 'late',
      claimedCents: 100,
      proofOfFailure: true,
      proofOfHarm: true,
      stockoutDocumented: true,
      deductedFromInvoice: false,
    });
    expect(notADay.json().errors).toEqual([
      { path: 'body.receivedDate', code: 'not-a-date', params: { value: expect.any(String) }, message: 'is not a calendar date' },
    ]);
    const wrongOrder = await adv.post('/api/penalty-notices', {
      reference: 'X-2',
      customerId: ids.customer('C001'),
      orderId: await orderByRef('ME-45520'),
      receivedDate: today,
      failureDate: today,
      kind: 'late',
      claimedCents: 100,
      proofOfFailure: true,
      proofOfHarm: true,
      stockoutDocumented: true,
      deductedFromInvoice: false,
    });
    expect(wrongOrder.json().errors[0].path).toBe('body.orderId');
    expect([await count('penaltyNotices'), await count('auditEvents')]).toEqual(before);
    expect((await admin.get('/api/penalty-notices')).statusCode).toBe(200);
    expect((await admin.post('/api/penalty-notices', {})).statusCode).toBe(403);
    expect((await admin.get(`/api/penalty-notices/${(await byRef('PEN-2025-001')).id}`)).json().reference).toBe('PEN-2025-001');
    expect((await adv.get('/api/penalty-notices/99999')).statusCode).toBe(404);
  });

  it('records a force-majeure period (manager) that then clears a notice inside it', async () => {
    const created = await manager.post('/api/force-majeure-periods', {
      label: 'Blocage routier',
      from: addDays(today, -30),
      to: addDays(today, -29),
      categories: ['SUCRES_CONSO'],
    });
    expect(created.statusCode).toBe(201);
    expect((await adv.post('/api/force-majeure-periods', { label: 'x', from: today, to: today })).statusCode).toBe(403);
    expect(
      (await manager.post('/api/force-majeure-periods', { label: 'x', from: today, to: addDays(today, -1) })).json().errors[0].path,
    ).toBe('body.to');
    const res = await adv.post('/api/penalty-notices', {
      reference: 'FM-1',
      customerId: ids.customer('C001'),
      receivedDate: today,
      failureDate: addDays(today, -29),
      kind: 'late',
      category: 'SUCRES_CONSO',
      claimedCents: 100,
      categoryOrderedValueCents: 100_000,
      proofOfFailure: true,
      proofOfHarm: true,
      stockoutDocumented: true,
      deductedFromInvoice: false,
    });
    expect(checks(res.json())).toEqual(['force-majeure']);
    expect((await adv.get('/api/force-majeure-periods')).json()).toHaveLength(2);
  });

  it('changes and ends a period (managers and admins), audited with before and after; the desk reads, the buyer never', async () => {
    const period = (
      await admin.post('/api/force-majeure-periods', { label: 'Inondation', from: addDays(today, -3), to: addDays(today, 10) })
    ).json();
    expect(period).toMatchObject({ label: 'Inondation', categories: null });
    const ended = await manager.put(`/api/force-majeure-periods/${period.id}`, {
      label: 'Inondation',
      from: period.from,
      to: today,
      categories: ['FARINES_SACS'],
      description: ' Entrepôt de Corbeil ',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: period.id, to: today, categories: ['FARINES_SACS'], description: 'Entrepôt de Corbeil' });
    expect((await adv.get('/api/force-majeure-periods')).json().find((p: { id: number }) => p.id === period.id).to).toBe(today);

    const history = (await adv.get('/api/force-majeure-periods/history')).json();
    expect(history[0]).toMatchObject({
      entityId: period.id,
      action: 'update',
      userName: expect.any(String),
      before: { dateTo: addDays(today, 10), categories: null },
      after: { dateTo: today, categories: 'FARINES_SACS' },
    });
    expect(history[1]).toMatchObject({ entityId: period.id, action: 'create' });

    const events = await count('auditEvents');
    const bad = await manager.put(`/api/force-majeure-periods/${period.id}`, { label: 'Inondation', from: today, to: addDays(today, -1) });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, 'body.to']);
    const badCategory = await manager.put(`/api/force-majeure-periods/${period.id}`, {
      label: 'x',
      from: today,
      to: today,
      categories: ['NOPE'],
    });
    expect(badCategory.statusCode).toBe(400);
    expect((await manager.put('/api/force-majeure-periods/99999', { label: 'x', from: today, to: today })).statusCode).toBe(404);
    expect((await adv.put(`/api/force-majeure-periods/${period.id}`, { label: 'x', from: today, to: today })).statusCode).toBe(403);
    expect(await count('auditEvents')).toBe(events);

    const buyer = client(t.app, await login(t.app, 'commandes@paindore.demo'));
    expect((await buyer.get('/api/force-majeure-periods')).statusCode).toBe(403);
    expect((await buyer.get('/api/force-majeure-periods/history')).statusCode).toBe(403);

    const sheet = await adv.get('/api/force-majeure-periods.xlsx');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
  });
});
