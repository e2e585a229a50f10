import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../server/audit/audit.repository.ts';
import { claimTermsOn } from '../../server/terms/claim-terms.ts';
import { loadRulesContext } from '../../server/terms/rules-context.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Client = ReturnType<typeof client>;
type Ids = Awaited<ReturnType<typeof demoIds>>;
type TypologyTerms = {
  typology: string;
  franco: { measure: string; threshold: number; feeBelowCents: number } | null;
  [k: string]: unknown;
};

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe.each(await testEngines())('commercial terms on %s', (engine) => {
  let t: TestApp;
  let ids: Ids;
  let assistant: Client;
  let manager: Client;
  let admin: Client;

  const count = async (table: 'auditEvents' | 'promotions' | 'customerPrices' | 'termsOfSale') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const cgv = async () =>
    (await assistant.get('/api/terms')).json()[0] as { code: string; typologies: TypologyTerms[]; [k: string]: unknown };

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    assistant = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
  });
  afterAll(() => t.close());

  describe('terms of sale', () => {
    it('shows the demo CGV with one row per typology, franco by value or by pallets', async () => {
      const terms = await cgv();
      expect(terms.code).toBe('CGV-2026');
      expect(terms.typologies.map((x) => x.typology)).toEqual(['GMS_CENTRALE', 'GROSSISTE', 'ARTISAN', 'INDUSTRIE', 'RHD']);
      const artisan = terms.typologies.find((x) => x.typology === 'ARTISAN')!;
      expect(artisan).toMatchObject({
        minOrderValueCents: 25000,
        franco: { measure: 'value', threshold: 40000, feeBelowCents: 3500 },
        leadTimeDays: 1,
        cutoffTime: '12:00',
      });
      expect(terms.typologies[0]).toMatchObject({
        minOrderPallets: 1,
        franco: { measure: 'pallets', threshold: 6 },
        orderMultiples: { default: 'layer' },
      });
    });

    it('lets an admin change them, audited with before and after; an assistant or a manager cannot', async () => {
      const terms = await cgv();
      const { id, updatedAt: _u, ...body } = terms;
      const changed = {
        ...body,
        typologies: terms.typologies.map((x) =>
          x.typology === 'ARTISAN' ? { ...x, franco: { measure: 'value', threshold: 45000, feeBelowCents: 3900 } } : x,
        ),
      };
      expect((await assistant.put('/api/terms', changed)).statusCode).toBe(403);
      expect((await manager.put('/api/terms', changed)).statusCode).toBe(403);
      const res = await admin.put('/api/terms', changed);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().typologies.find((x: TypologyTerms) => x.typology === 'ARTISAN').franco).toEqual({
        measure: 'value',
        threshold: 45000,
        feeBelowCents: 3900,
      });
      const events = await listAuditEvents(t.handle.db, { entityType: 'terms_of_sale', entityId: id as number });
      const last = events.at(-1)! as { action: string; before: { typologies: TypologyTerms[] }; after: { typologies: TypologyTerms[] } };
      expect(last.action).toBe('update');
      expect(last.before.typologies.find((x) => x.typology === 'ARTISAN')!.franco!.threshold).toBe(40000);
      expect(last.after.typologies.find((x) => x.typology === 'ARTISAN')!.franco!.threshold).toBe(45000);
    });

    it('refuses bad terms naming each field, and writes nothing', async () => {
      const terms = await cgv();
      const { id: _i, updatedAt: _u, ...body } = terms;
      const [events, versions] = [await count('auditEvents'), await count('termsOfSale')];
      const shape = await admin.put('/api/terms', {
        ...body,
        typologies: terms.typologies.map((x, i) => (i === 0 ? { ...x, minOrderValueCents: -1 } : x)),
      });
      expect(shape.statusCode).toBe(400);
      expect(
        paths(shape.json()).some((p) => p.includes('typologies/0/minOrderValueCents') || p.includes('typologies.0.minOrderValueCents')),
      ).toBe(true);
      const rules = await admin.put('/api/terms', {
        ...body,
        code: 'CGV-BAD',
        validFrom: '2026-06-01',
        validTo: '2026-01-01',
        typologies: [terms.typologies[0], terms.typologies[0]],
      });
      expect(rules.statusCode).toBe(400);
      expect(paths(rules.json())).toEqual(expect.arrayContaining(['body.validTo', 'body.typologies.1.typology', 'body.typologies']));
      expect([await count('auditEvents'), await count('termsOfSale')]).toEqual([events, versions]);
    });
  });

  describe('claim terms', () => {
    it('gives each typology its claim deadlines and service times; an admin changes them and complaints follow', async () => {
      const terms = await cgv();
      expect(terms.typologies.every((x) => (x.claims as { answerWithinHours: number }).answerWithinHours > 0)).toBe(true);
      const { id: _i, updatedAt: _u, ...body } = terms;
      const claims = { visibleDamageDays: 4, otherDefectDays: 8, answerWithinHours: 6, resolveWithinDays: 12, article: 'art. 9' };
      const res = await admin.put('/api/terms', {
        ...body,
        typologies: terms.typologies.map((x) => (x.typology === 'ARTISAN' ? { ...x, claims } : x)),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().typologies.find((x: TypologyTerms) => x.typology === 'ARTISAN').claims).toEqual(claims);
      expect((await cgv()).typologies.find((x) => x.typology === 'ARTISAN')!.claims).toEqual(claims);
      // What a complaint of an artisan baker is now measured against, and the clause it quotes.
      const inForce = await claimTermsOn(t.handle.db, 'ARTISAN', terms.validFrom as string);
      expect(inForce.terms).toEqual(claims);
      expect(inForce.clause).toMatch(/art\. 9$/);
    });

    it('refuses a claim deadline of no day, naming the field', async () => {
      const terms = await cgv();
      const { id: _i, updatedAt: _u, ...body } = terms;
      const res = await admin.put('/api/terms', {
        ...body,
        typologies: terms.typologies.map((x, i) => (i === 2 ? { ...x, claims: { ...(x.claims as object), visibleDamageDays: 0 } } : x)),
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json()).some((p) => /typologies[./]2[./]claims[./]visibleDamageDays/.test(p))).toBe(true);
    });
  });

  describe('customer overrides and the rules context', () => {
    it('inherits by default; a manager overrides, the override wins in the merged terms and the context loader', async () => {
      const martin = ids.customer('C020');
      const before = (await assistant.get(`/api/customers/${martin}/terms`)).json();
      expect(before.overrides.franco).toBeNull();
      expect(before.effective.franco).toEqual(before.base.franco);
      expect(before.credit).toMatchObject({ limitCents: 800000, unpaidBalanceCents: 210000 });

      const override = {
        franco: { measure: 'value', threshold: 30000, feeBelowCents: 2000 },
        minOrderValueCents: 15000,
        reference: 'Accord Boulangerie Martin 2026',
      };
      expect((await assistant.put(`/api/customers/${martin}/terms`, override)).statusCode).toBe(403);
      const res = await manager.put(`/api/customers/${martin}/terms`, override);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().effective).toMatchObject({
        franco: { threshold: 30000, feeBelowCents: 2000 },
        minOrderValueCents: 15000,
        reference: 'Accord Boulangerie Martin 2026',
      });
      expect(res.json().effective.orderMultiples).toEqual(res.json().base.orderMultiples);
      const [event] = (await listAuditEvents(t.handle.db, { entityType: 'customer_terms', entityId: martin })).slice(-1) as {
        before: { franco: unknown };
        after: { franco: unknown };
      }[];
      expect(event.before.franco).toBeNull();
      expect(event.after.franco).toEqual(override.franco);

      const product = ids.product('FAR-T45-S25').id;
      const ctx = await loadRulesContext(t.handle.db, {
        customerId: martin,
        deliveryPointId: ids.point('C020-DP1'),
        productIds: [product],
        now: t.app.clock.now(),
      });
      expect(ctx.customer).toEqual({ id: martin, typology: 'ARTISAN' });
      expect(ctx.terms.franco).toEqual(override.franco);
      expect(ctx.terms.minOrderValueCents).toBe(15000);
      expect(ctx.terms.truck).toEqual({ maxPallets: 33, maxWeightG: 24_000_000 });
      expect(ctx.products.get(product)?.code).toBe('FAR-T45-S25');
      expect(ctx.priceList?.orderDiscount).toMatchObject({ measure: 'weight' });
      expect(ctx.priceList?.tiers.some((x) => x.productId === product)).toBe(true);
      expect(ctx.agreement).toMatchObject({ assortmentProductIds: null, creditLimitCents: 800000, unpaidBalanceCents: 210000 });
      expect(ctx.deliveryPoint.id).toBe(ids.point('C020-DP1'));
      // The galette promotion runs today for artisans; the Candlemas one is for retail centrals only.
      const codes = ctx.promotions.map((p) => p.code);
      expect(codes).toContain('PROMO-GALETTE-2026');
      expect(codes).not.toContain('PROMO-CHANDELEUR-2026');
      const galette = ctx.promotions.find((p) => p.code === 'PROMO-GALETTE-2026')!;
      expect(galette.from <= ctx.today.date && ctx.today.date <= galette.to).toBe(true);
      expect(galette.mechanism).toEqual({ kind: 'percent', discountBp: 500, minQuantityPerLine: 4 });
      expect(ctx.usualProductIds.length).toBeGreaterThan(0);
      for (const id of ctx.usualProductIds) expect(ctx.products.has(id)).toBe(true);
    });

    it('gives a retail central its agreed assortment, and the order context what the browser needs', async () => {
      const cap = ids.customer('C001');
      const ctx = await loadRulesContext(t.handle.db, {
        customerId: cap,
        deliveryPointId: ids.point('C001-DP1'),
        productIds: [],
        now: t.app.clock.now(),
      });
      expect(ctx.agreement.assortmentProductIds).toHaveLength(9);
      expect(ctx.terms.minOrderPallets).toBe(1);
      const res = await assistant.get(`/api/customers/${cap}/order-context`);
      expect(res.statusCode).toBe(200);
      const oc = res.json();
      expect(oc.terms.franco).toEqual({ measure: 'pallets', threshold: 6, feeBelowCents: 15000 });
      expect(oc.priceList.orderDiscount.measure).toBe('pallets');
      expect(oc.agreement.assortmentProductIds).toHaveLength(9);
      expect(
        oc.promotions.every((p: { typologies: string[] | null }) => p.typologies === null || p.typologies.includes('GMS_CENTRALE')),
      ).toBe(true);
      expect(oc.promotions.find((p: { code: string }) => p.code === 'PROMO-CHANDELEUR-2026')?.pitchFr).toMatch(/Chandeleur/);
      expect(oc).toHaveProperty('usualProductIds');
      expect(oc.prices.length).toBeGreaterThan(0);
    });

    it('refuses a restricted assortment naming unknown products, and a delivery point of another customer', async () => {
      const cap = ids.customer('C001');
      const res = await manager.put(`/api/customers/${cap}/assortment`, {
        restricted: true,
        productIds: [ids.product('FAR-T45-1KG').id, 999999],
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json())).toEqual(['body.productIds.1']);
      expect((await assistant.get(`/api/customers/${cap}/assortment`)).json().products).toHaveLength(9);
      await expect(
        loadRulesContext(t.handle.db, { customerId: cap, deliveryPointId: ids.point('C020-DP1'), productIds: [], now: t.app.clock.now() }),
      ).rejects.toThrow(/not one of/);
    });
  });

  describe('promotions', () => {
    const promotion = (productId: number) => ({
      code: 'PROMO-TEST',
      name: 'Semaine du pain de seigle',
      pitchFr: 'Deux sacs de seigle achetés, remise de 3 %.',
      pitchEn: 'Buy two sacks of rye flour, get 3 % off.',
      from: '2026-02-01',
      to: '2026-02-14',
      customerIds: null,
      typologies: ['ARTISAN'],
      productIds: [productId],
      mechanism: { kind: 'percent', discountBp: 300, minQuantityPerLine: 2 },
    });

    it('creates, lists and edits a promotion, audited', async () => {
      const body = promotion(ids.product('FAR-SEI-S25').id);
      expect((await assistant.post('/api/promotions', body)).statusCode).toBe(403);
      const created = await manager.post('/api/promotions', body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        code: 'PROMO-TEST',
        typologies: ['ARTISAN'],
        customerIds: null,
        mechanism: { kind: 'percent', discountBp: 300, minQuantityPerLine: 2 },
      });
      const id = created.json().id;
      expect((await assistant.get('/api/promotions?on=2026-02-10')).json().map((p: { code: string }) => p.code)).toContain('PROMO-TEST');
      const edited = await admin.put(`/api/promotions/${id}`, {
        ...body,
        to: '2026-02-21',
        mechanism: { kind: 'free-goods', buy: 10, free: 1 },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().mechanism).toEqual({ kind: 'free-goods', buy: 10, free: 1 });
      const events = await listAuditEvents(t.handle.db, { entityType: 'promotion', entityId: id });
      expect(events.map((e) => e.action)).toEqual(['create', 'update']);
      expect((events[1].before as { to: string }).to).toBe('2026-02-14');
      expect((events[1].after as { to: string }).to).toBe('2026-02-21');
      expect((await manager.post('/api/promotions', body)).statusCode).toBe(409);
    });

    it('names every faulty field and writes nothing', async () => {
      const before = [await count('promotions'), await count('auditEvents')];
      const bad = {
        ...promotion(999999),
        code: 'PROMO-BAD',
        from: '2026-03-01',
        to: '2026-02-01',
        customerIds: [999998],
        mechanism: { kind: 'percent', buy: 3 },
      };
      const res = await manager.post('/api/promotions', bad);
      expect(res.statusCode).toBe(400);
      expect(paths(res.json())).toEqual(
        expect.arrayContaining(['body.to', 'body.mechanism.discountBp', 'body.mechanism.buy', 'body.productIds.0', 'body.customerIds.0']),
      );
      const shape = await manager.post('/api/promotions', {
        ...bad,
        typologies: ['EPICERIE'],
        mechanism: { kind: 'percent', discountBp: 20000 },
      });
      expect(shape.statusCode).toBe(400);
      expect([await count('promotions'), await count('auditEvents')]).toEqual(before);
    });
  });

  describe('customer prices and order tiers', () => {
    it('adds, refuses an overlapping period, edits and removes a customer price', async () => {
      const martin = ids.customer('C020');
      const product = ids.product('FAR-T65-S25').id;
      const price = { productId: product, unitPriceCents: 1890, validFrom: '2026-01-01', validTo: '2026-06-30' };
      expect((await assistant.post(`/api/customers/${martin}/prices`, price)).statusCode).toBe(403);
      const created = await manager.post(`/api/customers/${martin}/prices`, price);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ productCode: 'FAR-T65-S25', unitPriceCents: 1890 });
      const overlap = await manager.post(`/api/customers/${martin}/prices`, { ...price, validFrom: '2026-06-01', validTo: null });
      expect(overlap.statusCode).toBe(409);
      expect(paths(overlap.json())).toEqual(['body.validFrom']);
      const badDates = await manager.post(`/api/customers/${martin}/prices`, { ...price, validFrom: '2026-08-01', validTo: '2026-07-01' });
      expect(paths(badDates.json())).toEqual(['body.validTo']);
      const id = created.json().id;
      expect((await manager.put(`/api/customers/${martin}/prices/${id}`, { ...price, unitPriceCents: 1850 })).json().unitPriceCents).toBe(
        1850,
      );
      const ctx = await loadRulesContext(t.handle.db, {
        customerId: martin,
        deliveryPointId: ids.point('C020-DP1'),
        productIds: [product],
        now: t.app.clock.now(),
      });
      expect(ctx.agreement.prices).toEqual([{ productId: product, unitPriceCents: 1850, validFrom: '2026-01-01', validTo: '2026-06-30' }]);
      expect((await manager.delete(`/api/customers/${martin}/prices/${id}`)).statusCode).toBe(204);
      expect((await assistant.get(`/api/customers/${martin}/prices`)).json()).toEqual([]);
      expect((await listAuditEvents(t.handle.db, { entityType: 'customer_price', entityId: id })).map((e) => e.action)).toEqual([
        'create',
        'update',
        'delete',
      ]);
    });

    it("reads and replaces a price list's order tiers: managers and admins, a discount that never falls, history and Excel", async () => {
      const list = (await t.handle.db.selectFrom('priceLists').select('id').where('code', '=', 'PL-GMS-2026').executeTakeFirstOrThrow()).id;
      const current = (await assistant.get(`/api/price-lists/${list}/order-tiers`)).json();
      expect(current.orderDiscount).toMatchObject({
        measure: 'pallets',
        steps: [
          { min: 0, discountBp: 0 },
          { min: 6, discountBp: 150 },
          { min: 12, discountBp: 250 },
          { min: 24, discountBp: 400 },
        ],
      });
      const next = {
        orderDiscount: {
          ...current.orderDiscount,
          steps: [
            { min: 6, discountBp: 200 },
            { min: 12, discountBp: 300 },
          ],
        },
      };
      expect((await assistant.put(`/api/price-lists/${list}/order-tiers`, next)).statusCode).toBe(403);
      expect((await manager.put('/api/price-lists/99999/order-tiers', next)).statusCode).toBe(404);
      const bad = await manager.put(`/api/price-lists/${list}/order-tiers`, {
        orderDiscount: {
          ...next.orderDiscount,
          steps: [
            { min: 6, discountBp: 300 },
            { min: 12, discountBp: 200 },
          ],
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad.json())).toEqual(['body.orderDiscount.steps.1.discountBp']);
      const twice = await manager.put(`/api/price-lists/${list}/order-tiers`, {
        orderDiscount: { ...next.orderDiscount, steps: [next.orderDiscount.steps[0], next.orderDiscount.steps[0]] },
      });
      expect(paths(twice.json())).toEqual(['body.orderDiscount.steps.1.min']);
      const saved = await manager.put(`/api/price-lists/${list}/order-tiers`, next);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().orderDiscount.steps).toEqual(next.orderDiscount.steps);

      // The history read back, newest first, with who changed it and the steps before and after.
      const history = await assistant.get(`/api/price-lists/${list}/order-tiers/history`);
      expect(history.statusCode).toBe(200);
      const [event] = history.json<{ userName: string; before: { steps: unknown[] }; after: { steps: unknown[] } }[]>();
      expect(event.userName).toBe('Claire Dubois');
      expect(event.before.steps).toHaveLength(4);
      expect(event.after.steps).toEqual(next.orderDiscount.steps);
      expect((await assistant.get('/api/price-lists/99999/order-tiers/history')).statusCode).toBe(404);

      // The list's workbook carries the discount on the order on its second sheet, one row per step.
      const xlsx = await assistant.get(`/api/price-lists/${list}/items.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[1].name).toBe('Remise sur commande');
      const rows = (workbook.worksheets[1].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.filter((v) => v !== undefined));
      expect(rows.slice(1)).toEqual([
        [6, 'palettes', 2, 'Farines, Sucres, Boulangerie surgelée, Boulangerie ambiante'],
        [12, 'palettes', 3, 'Farines, Sucres, Boulangerie surgelée, Boulangerie ambiante'],
      ]);

      // Null removes the discount, audited too.
      expect((await admin.put(`/api/price-lists/${list}/order-tiers`, { orderDiscount: null })).json().orderDiscount).toBeNull();
      expect((await assistant.get(`/api/price-lists/${list}/order-tiers/history`)).json()[0]).toMatchObject({ after: null });
    });
  });
});
