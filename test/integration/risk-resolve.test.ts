import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { fixedClock } from '../../server/clock.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Option = {
  kind: string;
  productId?: number;
  label: { fr: string; en: string };
  accepted: boolean;
  newDates: { delivery: string; backorder?: string };
  priceEffectCents: number;
  changes: { type: string; [k: string]: unknown }[];
};
type RiskCall = {
  id: number;
  orderId: number;
  orderLineId: number;
  shortfall: number;
  status: string;
  options: Option[];
  contacts: { name: string; phone: string | null; isOrderContact: boolean }[];
  situation: { fr: string[]; en: string[] };
  script: { fr: string[] };
};

describe.each(await testEngines())('resolving a risk on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  const clock = fixedClock(TEST_NOW);
  const today = parisNow(clock.now()).date;
  const date = addDays(today, 2);
  const created: number[] = [];

  /** Every order and line of the database, as comparable rows (the clocks left out). */
  async function rows() {
    const db = t.handle.db;
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'promisedDate', 'requestedDate', 'netCents', 'grossCents', 'backorderOfOrderId'])
      .orderBy('id')
      .execute();
    const lines = await db
      .selectFrom('orderLines')
      .select(['id', 'orderId', 'lineNo', 'productId', 'quantity', 'unitPriceCents', 'netCents', 'status', 'backorderOfLineId'])
      .orderBy('id')
      .execute();
    const norm = <T extends object>(r: T) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k.endsWith('Cents') ? Number(v) : v]),
      );
    return { orders: orders.map(norm), lines: lines.map(norm) };
  }

  /** A confirmed order of C020 (every 4493 flag on): 1 500 T55 sacks, more than can be had on the date, and a line of T45 that is there. */
  async function riskyOrder(): Promise<{ orderId: number; shortLineId: number; otherLineId: number; risk: RiskCall }> {
    const db = t.handle.db;
    const at = t.app.clock.now().toISOString();
    const order = await db
      .insertInto('orders')
      .values({
        number: `CDE-RSK-${Math.random().toString(36).slice(2, 8)}`,
        customerId: ids.customer('C020'),
        deliveryPointId: ids.point('C020-DP1'),
        channel: 'phone',
        customerRef: 'PO-1',
        requestedDate: date,
        promisedDate: date,
        status: 'confirmed',
        note: null,
        netCents: 1510 * 1650,
        vatCents: 1510 * 91,
        grossCents: 1510 * 1741,
        palletsCenti: 3000,
        weightG: 20_000_000,
        backorderOfOrderId: null,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        appointmentAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const line = (lineNo: number, code: string, quantity: number) => ({
      orderId: order.id,
      lineNo,
      productId: ids.product(code).id,
      customerCode: null,
      quantity,
      unitPriceCents: 1650,
      netCents: quantity * 1650,
      vatRateBp: 550,
      deliveredQuantity: null,
      status: 'open',
      backorderOfLineId: null,
    });
    created.push(order.id);
    const short = await db
      .insertInto('orderLines')
      .values(line(1, 'FAR-T55-S25', 1500))
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await db
      .insertInto('orderLines')
      .values(line(2, 'FAR-T45-S25', 10))
      .returning('id')
      .executeTakeFirstOrThrow();
    await runRiskScan(db, clock.now());
    const risks = (await adv.get('/api/risks?status=open')).json().items as { id: number; orderLineId: number }[];
    const r = risks.find((x) => x.orderLineId === short.id)!;
    expect(r).toBeDefined();
    return { orderId: order.id, shortLineId: short.id, otherLineId: other.id, risk: (await adv.get(`/api/risks/${r.id}`)).json() };
  }

  /** What changed between two snapshots: rows added, rows whose fields moved (field by field). */
  function diff(before: Awaited<ReturnType<typeof rows>>, after: Awaited<ReturnType<typeof rows>>) {
    const out: Record<string, unknown> = {};
    for (const table of ['orders', 'lines'] as const) {
      const old = new Map(before[table].map((r) => [r.id, r]));
      for (const r of after[table]) {
        const o = old.get(r.id);
        if (!o) out[`${table}+${r.id}`] = r;
        else for (const k of Object.keys(r)) if (r[k] !== o[k]) out[`${table}.${r.id}.${k}`] = r[k];
      }
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
    await t.handle.db
      .updateTable('customerSupplySettings')
      .set({ shipComplete: 0, acceptsBackorders: 1, acceptsPartial: 1, acceptsSubstitutes: 1, cancelIfLateDays: null })
      .where('customerId', '=', ids.customer('C020'))
      .execute();
  });
  afterAll(() => t.close());
  // Each test starts from the demo's stock: its order and any backorder leave the book.
  afterEach(async () => {
    const db = t.handle.db;
    await db
      .updateTable('orders')
      .set({ status: 'cancelled' })
      .where((eb) => eb.or([eb('id', 'in', created), eb('backorderOfOrderId', 'in', created)]))
      .execute();
    created.length = 0;
  });

  it('shows the options ranked, the contacts and the situation in two lines', async () => {
    const { risk } = await riskyOrder();
    expect(risk.options.map((o) => o.kind)).toEqual(expect.arrayContaining(['partial-backorder', 'partial-cancel', 'postpone']));
    expect(risk.options.every((o) => o.accepted)).toBe(true);
    expect(risk.situation.fr).toHaveLength(2);
    expect(risk.situation.fr[0]).toContain(`il manquera ${risk.shortfall}`);
    expect(risk.script.fr[0]).toMatch(/^Bonjour/);
  });

  it('partial with backorder: the line is cut to what is there, a -R1 backorder carries the rest on the complete date, nothing else moves', async () => {
    const { orderId, shortLineId, risk } = await riskyOrder();
    const option = risk.options.find((o) => o.kind === 'partial-backorder')!;
    const before = await rows();
    const res = await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'partial-backorder' }, note: 'OK Mme Roux' });
    expect(res.statusCode).toBe(200);
    const { backorder } = res.json();
    const d = diff(before, await rows());
    const available = 1500 - risk.shortfall;
    expect(backorder.number).toMatch(/-R1$/);
    expect(d).toEqual({
      [`lines.${shortLineId}.quantity`]: available,
      [`lines.${shortLineId}.netCents`]: available * 1650,
      [`orders.${orderId}.netCents`]: before.orders.find((o) => o.id === orderId)!.netCents - risk.shortfall * 1650,
      [`orders.${orderId}.grossCents`]: expect.any(Number),
      [`orders+${backorder.id}`]: expect.objectContaining({
        status: 'confirmed',
        promisedDate: option.newDates.backorder,
        backorderOfOrderId: orderId,
        netCents: risk.shortfall * 1650,
      }),
      ...Object.fromEntries(
        Object.keys(d)
          .filter((k) => k.startsWith('lines+'))
          .map((k) => [
            k,
            expect.objectContaining({
              orderId: backorder.id,
              quantity: risk.shortfall,
              backorderOfLineId: shortLineId,
              unitPriceCents: 1650,
            }),
          ]),
      ),
    });
    expect(Object.keys(d).filter((k) => k.startsWith('lines+'))).toHaveLength(1);
    const after = (await adv.get(`/api/risks/${risk.id}`)).json();
    expect(after).toMatchObject({ status: 'resolved', resolutionNote: 'OK Mme Roux' });
    await t.app.documentJobs.drain(); // the acknowledgements are printed after the commit
    const docs = await t.handle.db.selectFrom('documents').select('orderId').where('orderId', 'in', [orderId, backorder.id]).execute();
    expect(new Set(docs.map((x) => x.orderId))).toEqual(new Set([orderId, backorder.id]));
  });

  it('partial with the rest cancelled: only the line and the totals move; the line keeps its 10 % promotion', async () => {
    const { orderId, shortLineId, risk } = await riskyOrder();
    await t.handle.db
      .updateTable('orderLines')
      .set({ netCents: 1500 * 1485 })
      .where('id', '=', shortLineId)
      .execute();
    const before = await rows();
    expect((await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'partial-cancel' } })).statusCode).toBe(200);
    const d = diff(before, await rows());
    expect(d[`lines.${shortLineId}.netCents`]).toBe((1500 - risk.shortfall) * 1485);
    expect(d[`orders.${orderId}.netCents`]).toBe(before.orders.find((o) => o.id === orderId)!.netCents - risk.shortfall * 1485);
    expect(Object.keys(d).sort()).toEqual(
      [
        `lines.${shortLineId}.netCents`,
        `lines.${shortLineId}.quantity`,
        `orders.${orderId}.grossCents`,
        `orders.${orderId}.netCents`,
      ].sort(),
    );
  });

  it('postpone: only the promised date moves', async () => {
    const { orderId, risk } = await riskyOrder();
    const option = risk.options.find((o) => o.kind === 'postpone')!;
    const before = await rows();
    expect((await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'postpone' } })).statusCode).toBe(200);
    expect(diff(before, await rows())).toEqual({ [`orders.${orderId}.promisedDate`]: option.newDates.delivery });
  });

  it('substitute: the line keeps what is there, a new line of the substitute at the customer price carries the rest', async () => {
    const { orderId, shortLineId, risk } = await riskyOrder();
    const option = risk.options.find((o) => o.kind === 'substitute');
    expect(option).toBeDefined();
    if (!option) return;
    const before = await rows();
    expect(
      (await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'substitute', productId: option.productId } })).statusCode,
    ).toBe(200);
    const d = diff(before, await rows());
    const add = option.changes.find((c) => c.type === 'add-line')!;
    const added = Object.entries(d)
      .filter(([k]) => k.startsWith('lines+'))
      .map(([, v]) => v);
    expect(added).toEqual([
      expect.objectContaining({
        orderId,
        lineNo: 3,
        productId: option.productId,
        quantity: risk.shortfall,
        unitPriceCents: add.unitPriceCents,
      }),
    ]);
    expect(
      Object.keys(d)
        .filter((k) => !k.startsWith('lines+'))
        .sort(),
    ).toEqual(
      [
        `lines.${shortLineId}.netCents`,
        `lines.${shortLineId}.quantity`,
        `orders.${orderId}.grossCents`,
        `orders.${orderId}.netCents`,
      ].sort(),
    );
  });

  it('refuses an option the customer does not accept (422) unless he approved it on the call; a resolved risk is closed (409)', async () => {
    const { risk } = await riskyOrder();
    await t.handle.db
      .updateTable('customerSupplySettings')
      .set({ acceptsBackorders: 0 })
      .where('customerId', '=', ids.customer('C020'))
      .execute();
    try {
      const refused = await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'partial-backorder' } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].path).toBe('body.option.kind');
      expect(
        (await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'partial-backorder' }, customerApproved: true })).statusCode,
      ).toBe(200);
      expect((await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'postpone' } })).statusCode).toBe(409);
    } finally {
      await t.handle.db
        .updateTable('customerSupplySettings')
        .set({ acceptsBackorders: 1 })
        .where('customerId', '=', ids.customer('C020'))
        .execute();
    }
  });

  it('call back: a task for the date, the risk stays open and the order does not move', async () => {
    const { risk } = await riskyOrder();
    const before = await rows();
    const res = await adv.post(`/api/risks/${risk.id}/resolve`, {
      callBack: { date: addDays(today, 1), time: '10:30' },
      note: 'rappeler après sa réunion',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'call-back', taskId: expect.any(Number) });
    expect(diff(before, await rows())).toEqual({});
    expect((await adv.get(`/api/risks/${risk.id}`)).json()).toMatchObject({
      status: 'open',
      resolutionNote: 'rappeler après sa réunion',
      callBack: { date: addDays(today, 1), time: '10:30' },
    });
    const task = await t.handle.db.selectFrom('tasks').selectAll().where('id', '=', res.json().taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ kind: 'risk-call-back', dueDate: addDays(today, 1), status: 'open' });
  });

  it('call back at a Paris wall time: 14:30 is 13:30 UTC in winter and 12:30 UTC after the clocks go forward', async () => {
    const { risk } = await riskyOrder();
    const instantOf = async (date: string) => {
      const res = await adv.post(`/api/risks/${risk.id}/resolve`, { callBack: { date, time: '14:30' } });
      expect(res.statusCode, res.body).toBe(200);
      const task = await t.handle.db.selectFrom('tasks').select('dataJson').where('id', '=', res.json().taskId).executeTakeFirstOrThrow();
      return (JSON.parse(task.dataJson!) as { callBackAt: string }).callBackAt;
    };
    expect(today < '2026-03-29').toBe(true); // the test's clock is in winter time, before the last Sunday of March
    expect(await instantOf('2026-03-20')).toBe('2026-03-20T13:30:00.000Z');
    expect(await instantOf('2026-03-30')).toBe('2026-03-30T12:30:00.000Z');
    // One call-back per risk: the later one replaces it, and the risk shows it as the desk typed it.
    expect((await adv.get(`/api/risks/${risk.id}`)).json().callBack).toEqual({ date: '2026-03-30', time: '14:30' });
  });

  it('a call-back that is not a Paris date and time, or already past, is refused with the field path', async () => {
    const { risk } = await riskyOrder();
    const refused = async (callBack: unknown, status: number, path: string) => {
      const res = await adv.post(`/api/risks/${risk.id}/resolve`, { callBack });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await refused({ date: addDays(today, 1), time: '25:00' }, 400, 'body.callBack.time');
    await refused({ date: '2026-02-30', time: '10:00' }, 400, 'body.callBack.date');
    await refused({ date: '11/03/2026', time: '10:00' }, 400, 'body.callBack.date');
    await refused({ date: today, time: '08:00' }, 422, 'body.callBack');
  });

  it('roles and bad input: an admin may not decide (403); a bad option kind or date is a 400 with the field path; an unknown risk 404', async () => {
    const { risk } = await riskyOrder();
    expect((await admin.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'postpone' } })).statusCode).toBe(403);
    const bad = await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'teleport' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('option');
    expect((await adv.post(`/api/risks/${risk.id}/resolve`, { callBackAt: 'tomorrow' })).statusCode).toBe(400);
    expect((await admin.post(`/api/risks/${risk.id}/undo`)).statusCode).toBe(403);
    expect((await adv.post(`/api/risks/${risk.id}/undo`)).statusCode).toBe(409); // nothing applied yet
    expect((await adv.post('/api/risks/999999/undo')).statusCode).toBe(404);
    expect((await adv.post('/api/risks/999999/resolve', { option: { kind: 'postpone' } })).statusCode).toBe(404);
  });

  describe('undo', () => {
    /** The order as a whole: header figures and every line (its own warehouse and date too), clocks left out. */
    async function order(id: number) {
      const db = t.handle.db;
      const o = await db
        .selectFrom('orders')
        .select(['status', 'promisedDate', 'netCents', 'vatCents', 'grossCents', 'palletsCenti', 'weightG'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const lines = await db
        .selectFrom('orderLines')
        .select(['id', 'lineNo', 'productId', 'quantity', 'unitPriceCents', 'netCents', 'status', 'warehouseId', 'plannedDate'])
        .where('orderId', '=', id)
        .where('status', '!=', 'cancelled')
        .orderBy('id')
        .execute();
      return JSON.parse(JSON.stringify({ ...o, lines }, (k, v) => (/Cents$|Centi$|G$/.test(k) ? Number(v) : v))) as object;
    }
    const versions = async (orderId: number) =>
      (
        await t.handle.db
          .selectFrom('documentJobs')
          .select('version')
          .where('orderId', '=', orderId)
          .where('kind', '=', 'order-acknowledgement')
          .orderBy('version')
          .execute()
      ).map((j) => j.version);

    it.each(['partial-backorder', 'substitute', 'split', 'postpone', 'partial-cancel'])(
      '%s, then undo: the order is exactly as before, the risk open again, a new acknowledgement supersedes the revised one',
      async (kind) => {
        const { orderId, risk } = await riskyOrder();
        const option = risk.options.find((o) => o.kind === kind);
        expect(option, kind).toBeDefined();
        const was = await order(orderId);
        const acks = (await versions(orderId)).length;
        const applied = await adv.post(`/api/risks/${risk.id}/resolve`, {
          option: { kind, productId: option!.productId },
          note: 'accord au téléphone',
        });
        expect(applied.statusCode, applied.body).toBe(200);
        expect(await order(orderId)).not.toEqual(was);
        expect((await adv.get(`/api/risks/${risk.id}`)).json()).toMatchObject({ status: 'resolved', applied: { label: option!.label } });

        const undone = await adv.post(`/api/risks/${risk.id}/undo`);
        expect(undone.statusCode, undone.body).toBe(200);
        expect(await order(orderId)).toEqual(was);
        const backorder = applied.json().backorder as { id: number } | null;
        if (backorder) expect(await order(backorder.id)).toMatchObject({ status: 'cancelled', lines: [] });
        expect((await adv.get(`/api/risks/${risk.id}`)).json()).toMatchObject({ status: 'open', resolvedAt: null, applied: null });
        expect(await versions(orderId)).toEqual([...Array(acks + 2).keys()].map((i) => i + 1));
        const timeline = await t.handle.db
          .selectFrom('auditEvents')
          .select(['action', 'notesJson'])
          .where('entityType', '=', 'order')
          .where('entityId', '=', orderId)
          .orderBy('id')
          .execute();
        expect(timeline.map((e) => e.action).slice(-2)).toEqual(['resolve_risk', 'undo_risk_option']);
        expect(JSON.parse(timeline.at(-1)!.notesJson!)).toEqual([
          { code: 'acknowledgement-supersedes', params: { version: acks + 2, superseded: acks + 1 } },
        ]);
        // Undone once: a second undo has nothing to take back.
        expect((await adv.post(`/api/risks/${risk.id}/undo`)).statusCode).toBe(409);
      },
    );

    it('is refused once the order was released (409 problem+json), and the order stays as it is', async () => {
      const { orderId, risk } = await riskyOrder();
      expect((await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'partial-cancel' } })).statusCode).toBe(200);
      const release = await adv.post(`/api/orders/${orderId}/release`);
      expect(release.statusCode, release.body).toBe(200);
      const released = await order(orderId);
      const res = await adv.post(`/api/risks/${risk.id}/undo`);
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'CONFLICT', undo: { reason: 'status', from: 'confirmed', to: 'released' } });
      expect(res.json().detail).toMatch(/cannot be undone/);
      expect(await order(orderId)).toEqual(released);
      expect((await adv.get(`/api/risks/${risk.id}`)).json().status).toBe('resolved');
    });

    it('a crash half-way leaves the database as it was: the order still changed, the risk still resolved', async () => {
      const { orderId, risk } = await riskyOrder();
      // The release above holds what there was of the flour: take whichever option is left.
      const [first] = risk.options;
      const res = await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: first.kind, productId: first.productId } });
      expect(res.statusCode, res.body).toBe(200);
      const applied = await order(orderId);
      const acks = await versions(orderId);
      // The acknowledgement is queued after the order and its lines are put back: make that write fail.
      const trigger =
        engine === 'postgres'
          ? [
              "create or replace function carnet_test_fail() returns trigger as $$ begin raise exception 'disk full'; end $$ language plpgsql",
              'create trigger carnet_test_fail before insert on document_jobs for each row execute function carnet_test_fail()',
            ]
          : ["create trigger carnet_test_fail before insert on document_jobs begin select raise(abort, 'disk full'); end"];
      for (const q of trigger) await sql.raw(q).execute(t.handle.db);
      try {
        expect((await adv.post(`/api/risks/${risk.id}/undo`)).statusCode).toBe(500);
      } finally {
        await sql.raw(`drop trigger carnet_test_fail${engine === 'postgres' ? ' on document_jobs' : ''}`).execute(t.handle.db);
      }
      expect(await order(orderId)).toEqual(applied);
      expect(await versions(orderId)).toEqual(acks);
      expect((await adv.get(`/api/risks/${risk.id}`)).json().status).toBe('resolved');
      expect((await adv.post(`/api/risks/${risk.id}/undo`)).statusCode).toBe(200);
    });
  });
});
