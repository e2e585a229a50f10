import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisNow, weekdayOf } from '../../core/calendar/dates.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds, tableCounts } from './orders-fixtures.ts';

type Finding = {
  id: number | null;
  rule: string;
  severity: string;
  message: string;
  messages: { fr: string; en: string };
  lineId: number | null;
  lineNo: number | null;
  data: Record<string, unknown>;
  resolution: null | { kind: string; userName: string; reason: string };
};
type Suggestion = {
  kind: string;
  savingCents: number;
  description: string;
  descriptions: { fr: string; en: string };
  changes: { op: string; lineIndex?: number; lineId?: number; quantity?: number }[];
};

/**
 * Issue 3 over HTTP: orders are priced and checked by the rules on save, quoted without writing, refused at
 * confirmation while a block or an approval waits, and answered by a manager (approve, override) with a reason
 * that lands on the timeline. Boulangerie Martin (artisan: 250 € minimum, franco 400 €, delivered Tuesday and
 * Friday) and the galette promotion of the demo (5 % on T45, icing and caster sugar from 4 sacks per line).
 */
describe.each(await testEngines())('order rules over HTTP on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  });
  afterAll(() => t.close());

  const martin = (lines: [string, number][], extra: Record<string, unknown> = {}) => ({
    customerId: ids.customer('C020'),
    channel: 'phone',
    lines: lines.map(([code, quantity]) => ({ productId: ids.product(code).id, quantity })),
    ...extra,
  });
  const findingCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('orderFindings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The first day of `weekday` at least two weeks ahead: clear of lead time and cut-off whatever the hour. */
  const nextWeekday = (weekday: string) => {
    let date = addDays(parisNow(t.app.clock.now()).date, 14);
    while (weekdayOf(date) !== weekday) date = addDays(date, 1);
    return date;
  };

  it('quotes an order without writing anything: priced lines, totals with the shipping fee, findings and suggestions', async () => {
    const before = { ...(await tableCounts(t.handle.db)), findings: await findingCount() };
    const res = await adv.post(
      '/api/orders/quote',
      martin([
        ['FAR-T65-S25', 10],
        ['FAR-T45-S25', 4],
        ['SUC-GLA-S10', 2],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect({ ...(await tableCounts(t.handle.db)), findings: await findingCount() }).toEqual(before);
    const quote = res.json();
    expect(quote.lines.map((l: { lineNo: number; productCode: string }) => [l.lineNo, l.productCode])).toEqual([
      [1, 'FAR-T65-S25'],
      [2, 'FAR-T45-S25'],
      [3, 'SUC-GLA-S10'],
    ]);
    // Below the artisans' 400 € franco: the 35 € fee is a charge, in the totals, and the finding says what is missing.
    expect(quote.charges).toMatchObject([{ kind: 'shipping', netCents: 3500 }]);
    expect(quote.totals.netCents).toBe(quote.totals.goodsNetCents + 3500);
    expect(quote.totals.goodsNetCents).toBe(quote.lines.reduce((s: number, l: { netCents: number }) => s + l.netCents, 0));
    const franco = quote.findings.find((f: Finding) => f.rule === 'franco');
    expect(franco).toMatchObject({ id: null, severity: 'info', lineId: null, lineNo: null, data: { feeCents: 3500, threshold: 40000 } });
    expect(franco.message).toBe(franco.messages.fr);
    expect(franco.messages.fr).toContain('35,00');
    expect(franco.messages.en).toContain('€35.00');
    const reach = quote.suggestions.find((s: Suggestion) => s.kind === 'reach-franco');
    expect(reach.savingCents).toBeGreaterThanOrEqual(3500);
    expect(reach.changes[0]).toMatchObject({ op: 'setQuantity', lineIndex: 0, lineNo: 1 });
    expect(reach.description).toBe(reach.descriptions.fr);
    // 2 sacks of icing sugar: 2 more would earn the galette promotion's 5 %.
    expect(
      quote.suggestions.some((s: Suggestion) => s.kind === 'next-tier' && s.changes.some((c) => c.lineIndex === 2 && c.quantity === 4)),
    ).toBe(true);
  });

  it('prices a galette-season order for Boulangerie Martin with the 5 % promotion, stored with the line', async () => {
    const promotion = await t.handle.db
      .selectFrom('promotions')
      .select('id')
      .where('code', '=', 'PROMO-GALETTE-2026')
      .executeTakeFirstOrThrow();
    const quote = (
      await adv.post(
        '/api/orders/quote',
        martin([
          ['FAR-T45-S25', 4],
          ['SUC-GLA-S10', 3],
        ]),
      )
    ).json();
    const [t45, icing] = quote.lines;
    expect(t45.discounts).toEqual([
      { kind: 'promotion', discountBp: 500, amountCents: Math.round(t45.grossCents * 0.05), promotionId: promotion.id },
    ]);
    expect(t45).toMatchObject({ promotionId: promotion.id, netCents: t45.grossCents - Math.round(t45.grossCents * 0.05) });
    expect(icing).toMatchObject({ promotionId: null, discounts: [], netCents: icing.grossCents }); // 3 sacks: under the 4 per line

    const order = (
      await adv.post(
        '/api/orders',
        martin([
          ['FAR-T45-S25', 4],
          ['SUC-GLA-S10', 3],
        ]),
      )
    ).json();
    expect(order.lines[0]).toMatchObject({ promotionId: promotion.id, netCents: t45.netCents, unitPriceCents: t45.unitPriceCents });
    expect(order.totals.netCents).toBe(quote.totals.netCents);
  });

  it('stores the findings with the order, refuses to confirm while an approval waits (422 listing it), and confirms once a manager approved', async () => {
    const order = (await adv.post('/api/orders', martin([['FAR-T65-S25', 8]]))).json(); // 8 sacks: under the 250 € minimum
    expect(order.findings.map((f: Finding) => [f.rule, f.severity])).toEqual([
      ['min-order-value', 'approval'],
      ['franco', 'info'],
    ]);
    expect(order.findings[0]).toMatchObject({ resolution: null, lineId: null });
    expect(order.findings[0].id).toBeGreaterThan(0);
    expect(order.suggestions.length).toBeGreaterThanOrEqual(0);
    expect((await adv.get(`/api/orders/${order.id}`)).json().findings).toEqual(order.findings);

    const refused = await adv.post(`/api/orders/${order.id}/confirm`);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'UNPROCESSABLE', findings: [{ rule: 'min-order-value', severity: 'approval' }] });
    expect(refused.json().findings).toHaveLength(1);
    expect(refused.json().detail).toContain('min-order-value');
    expect((await adv.get(`/api/orders/${order.id}`)).json().status).toBe('draft');

    // The manager's queue has it; an assistant can neither see the queue nor approve.
    const queue = (await manager.get('/api/approvals')).json();
    const item = queue.items.find((i: { orderId: number }) => i.orderId === order.id);
    expect(item).toMatchObject({
      number: order.number,
      customerName: 'Boulangerie Martin',
      totals: { netCents: order.totals.netCents },
      findings: [{ rule: 'min-order-value' }, { rule: 'franco' }],
    });
    expect((await adv.get('/api/approvals')).statusCode).toBe(403);
    expect((await adv.post(`/api/orders/${order.id}/approve`, { reason: 'client fidèle' })).statusCode).toBe(403);
    expect((await manager.post(`/api/orders/${order.id}/approve`, {})).statusCode).toBe(400);

    const approved = await manager.post(`/api/orders/${order.id}/approve`, { reason: 'client fidèle, petite commande de dépannage' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().findings[0].resolution).toMatchObject({
      kind: 'approved',
      userName: 'Claire Dubois',
      reason: 'client fidèle, petite commande de dépannage',
    });
    expect((await manager.post(`/api/orders/${order.id}/approve`, { reason: 'encore' })).statusCode).toBe(409);
    expect((await manager.get('/api/approvals')).json().items.some((i: { orderId: number }) => i.orderId === order.id)).toBe(false);

    const confirmed = await adv.post(`/api/orders/${order.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', suggestions: [] });
    expect(confirmed.json().findings[0]).toMatchObject({ rule: 'min-order-value', resolution: { kind: 'approved' } });
    const events = (await adv.get(`/api/orders/${order.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'approve', 'confirm']);
    expect(events[1]).toMatchObject({
      userName: 'Claire Dubois',
      note: 'client fidèle, petite commande de dépannage',
      after: { findings: [{ rule: 'min-order-value', severity: 'approval' }] },
    });
  });

  it('keeps an approval through an edit that leaves the finding as it was, and asks again when the figures change', async () => {
    const order = (await adv.post('/api/orders', martin([['FAR-T65-S25', 8]]))).json();
    await manager.post(`/api/orders/${order.id}/approve`, { reason: 'accord du commercial' });
    const same = (await adv.put(`/api/orders/${order.id}`, martin([['FAR-T65-S25', 8]], { customerRef: 'BM-2201' }))).json();
    expect(same.findings[0]).toMatchObject({ rule: 'min-order-value', resolution: { kind: 'approved', reason: 'accord du commercial' } });
    const changed = (await adv.put(`/api/orders/${order.id}`, martin([['FAR-T65-S25', 9]]))).json();
    expect(changed.findings[0]).toMatchObject({ rule: 'min-order-value', resolution: null });
    expect((await adv.post(`/api/orders/${order.id}/confirm`)).statusCode).toBe(422);
  });

  it('lets only a manager override a block, with a reason, one rule at a time; then it confirms', async () => {
    const wednesday = nextWeekday('WED'); // Martin is delivered on Tuesdays and Fridays
    const order = (await adv.post('/api/orders', martin([['FAR-T65-S25', 20]], { requestedDate: wednesday }))).json();
    const block = order.findings.find((f: Finding) => f.severity === 'block');
    expect(block).toMatchObject({ rule: 'delivery-day', lineId: null });
    const refused = await adv.post(`/api/orders/${order.id}/confirm`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().findings.map((f: Finding) => f.rule)).toEqual(['delivery-day']);

    expect(
      (await adv.post(`/api/orders/${order.id}/override`, { rule: 'delivery-day', reason: 'tournée exceptionnelle' })).statusCode,
    ).toBe(403);
    expect((await manager.post(`/api/orders/${order.id}/override`, { rule: 'delivery-day' })).statusCode).toBe(400);
    const wrongRule = await manager.post(`/api/orders/${order.id}/override`, { rule: 'discontinued', reason: 'tournée exceptionnelle' });
    expect(wrongRule.statusCode).toBe(422);
    expect(wrongRule.json().errors).toEqual([
      {
        path: 'body.rule',
        code: 'not-found',
        params: { entity: 'finding', id: 'discontinued' },
        message: 'no open block finding discontinued',
      },
    ]);
    const overridden = await manager.post(`/api/orders/${order.id}/override`, {
      rule: 'delivery-day',
      reason: 'tournée exceptionnelle du mercredi',
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json().findings.find((f: Finding) => f.rule === 'delivery-day').resolution).toMatchObject({
      kind: 'overridden',
      reason: 'tournée exceptionnelle du mercredi',
    });

    expect((await adv.post(`/api/orders/${order.id}/confirm`)).statusCode).toBe(200);
    const events = (await adv.get(`/api/orders/${order.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'override', 'confirm']);
    expect(events[1]).toMatchObject({
      note: 'tournée exceptionnelle du mercredi',
      after: { findings: [{ rule: 'delivery-day', severity: 'block' }] },
    });
    expect((await manager.post(`/api/orders/${order.id}/override`, { rule: 'delivery-day', reason: 'encore une fois' })).statusCode).toBe(
      409,
    );
  });

  it('gives a draft its suggestions with line ids on read, and a quote refuses what a save would refuse', async () => {
    const order = (
      await adv.post(
        '/api/orders',
        martin([
          ['FAR-T65-S25', 10],
          ['FAR-T45-S25', 4],
          ['SUC-GLA-S10', 2],
        ]),
      )
    ).json();
    const read = (await adv.get(`/api/orders/${order.id}`)).json();
    expect(read.suggestions).toEqual(order.suggestions);
    const reach = read.suggestions.find((s: Suggestion) => s.kind === 'reach-franco');
    expect(reach.changes[0]).toMatchObject({ op: 'setQuantity', lineIndex: 0, lineNo: 1, lineId: order.lines[0].id });

    const bad = await adv.post('/api/orders/quote', {
      customerId: ids.customer('C020'),
      channel: 'phone',
      lines: [{ customerCode: 'NOPE', quantity: 1 }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('body.lines.0.customerCode');
  });
});
