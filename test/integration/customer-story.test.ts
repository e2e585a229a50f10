import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../core/customers/timeline.ts';
import type { TimelineEntry, TimelinePage } from '../../core/customers/timeline.schemas.ts';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Before taking Boulangerie Martin's call, the assistant reads his story: the note a colleague pinned, the mood he
 * was last in, what is still open, and everything that happened, newest first, a page at a time.
 */
describe.each(await testEngines())('the customer story on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let martin: number;
  let other: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const ids = await demoIds(t.handle.db);
    martin = ids.customer('C020');
    other = ids.customer('C021');
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  /** The whole timeline, page by page: the entries and how many pages it took. */
  async function wholeTimeline(customerId: number, limit: number): Promise<{ items: TimelineEntry[]; pages: number }> {
    const items: TimelineEntry[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const res = await adv.get(`/api/customers/${customerId}/timeline?${query}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<TimelinePage>();
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      before = page.next;
      pages += 1;
    } while (before !== null && pages < 500);
    return { items, pages };
  }

  it('keeps a pinned note with the mood, pinned first, and lets a colleague unpin or reword it', async () => {
    const pinned = await adv.post(`/api/customers/${martin}/notes`, {
      text: 'Appeler M. Martin avant 7 h : il est au fournil après.',
      pinned: true,
      mood: 'annoyed',
    });
    expect(pinned.statusCode).toBe(201);
    expect(pinned.json()).toMatchObject({ customerId: martin, pinned: true, mood: 'annoyed', authorName: expect.any(String) });
    const plain = await manager.post(`/api/customers/${martin}/notes`, { text: 'Préfère les livraisons le mardi.', pinned: false });
    expect(plain.statusCode).toBe(201);

    const story = (await adv.get(`/api/customers/${martin}/story`)).json();
    expect(story.notes.map((n: { id: number }) => n.id).slice(0, 2)).toEqual([pinned.json().id, plain.json().id]);
    expect(story.mood).toMatchObject({ mood: 'annoyed', source: 'note' });
    expect(story.open).toMatchObject({ complaints: expect.any(Array), risks: expect.any(Array), approvals: expect.any(Array) });

    const unpinned = await adv.patch(`/api/customers/${martin}/notes/${pinned.json().id}`, { pinned: false });
    expect(unpinned.statusCode).toBe(200);
    expect(unpinned.json()).toMatchObject({ pinned: false, text: 'Appeler M. Martin avant 7 h : il est au fournil après.' });
    const repinned = await adv.patch(`/api/customers/${martin}/notes/${pinned.json().id}`, { pinned: true, text: 'Appeler avant 7 h.' });
    expect(repinned.json()).toMatchObject({ pinned: true, text: 'Appeler avant 7 h.' });
  });

  it("refuses bad notes with the field's path and never touches another customer's note", async () => {
    const blank = await adv.post(`/api/customers/${martin}/notes`, { text: '   ', pinned: true });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect(blank.json().errors[0]).toMatchObject({ path: 'body.text' });
    const long = await adv.post(`/api/customers/${martin}/notes`, { text: 'x'.repeat(2001), pinned: false });
    expect(long.json().errors[0]).toMatchObject({ path: 'body.text', code: 'too-long', params: { limit: 2000 } });
    const mood = await adv.post(`/api/customers/${martin}/notes`, { text: 'ok', pinned: false, mood: 'furious' });
    expect(mood.statusCode).toBe(400);
    expect((await adv.patch(`/api/customers/${martin}/notes/1`, {})).statusCode).toBe(400);
    expect((await adv.post(`/api/customers/999999/notes`, { text: 'ok', pinned: false })).statusCode).toBe(404);

    const theirs = await adv.post(`/api/customers/${other}/notes`, { text: 'Note du Pain Doré', pinned: true });
    const crossed = await adv.patch(`/api/customers/${martin}/notes/${theirs.json().id}`, { pinned: false });
    expect(crossed.statusCode).toBe(404);
    const story = (await adv.get(`/api/customers/${other}/story`)).json();
    expect(story.notes[0]).toMatchObject({ id: theirs.json().id, pinned: true });
  });

  it('tells the whole story newest first, the same by pages of 1 or of 100, with no entry twice and none of another customer', async () => {
    const big = await wholeTimeline(martin, 100);
    const small = await wholeTimeline(martin, 1);
    expect(big.items.length).toBeGreaterThan(5);
    expect(small.pages).toBeGreaterThanOrEqual(big.items.length);
    expect(small.items).toEqual(big.items);
    const keys = big.items.map((e) => `${e.kind}:${e.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < big.items.length; i++) expect(compareNewestFirst(big.items[i - 1], big.items[i])).toBeLessThan(0);

    // Everything a demo customer lives through shows: his orders, their deliveries, and the notes left today.
    const kinds = new Set(big.items.map((e) => e.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['order', 'delivery-shipped', 'delivery-delivered', 'note']));
    expect(big.items.filter((e) => e.kind === 'note').map((e) => e.params.text)).not.toContain('Note du Pain Doré');

    const hisOrders = new Set(
      (await t.handle.db.selectFrom('orders').select('id').where('customerId', '=', martin).execute()).map((o) => o.id),
    );
    for (const e of big.items.filter((x) => x.ref.type === 'order')) expect(hisOrders.has(e.ref.id)).toBe(true);
  });

  it('tells his satisfaction scores and his EDI orders with a problem, linked to what they are about', async () => {
    // The demo's inbox: Cap Marché's ORDERS with a code Carnet does not know waits in the queue.
    await sweepInboxes(t.handle.db, { settleMs: 0, clock: t.app.clock });
    const capMarche = (await demoIds(t.handle.db)).customer('C001');
    const problems = (await wholeTimeline(capMarche, 100)).items.filter((e) => e.kind === 'edi-problem');
    expect(problems.map((e) => e.params)).toContainEqual({ type: 'ORDERS', status: 'queued', document: 'C001-PO-0000002' });
    for (const e of problems) expect(['order', 'edi']).toContain(e.ref.type);

    const interview = await t.handle.db
      .selectFrom('satisfactionInterviews')
      .select(['id', 'customerId', 'overall'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const scores = (await wholeTimeline(interview.customerId, 100)).items.filter((e) => e.kind === 'satisfaction');
    expect(scores.find((e) => e.id === interview.id)?.params).toMatchObject({ overall: interview.overall });
  });

  it('refuses a cursor it did not write and a limit out of bounds', async () => {
    const bad = await adv.get(`/api/customers/${martin}/timeline?before=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'querystring.before', code: 'pattern' });
    expect((await adv.get(`/api/customers/${martin}/timeline?limit=0`)).statusCode).toBe(400);
    expect((await adv.get(`/api/customers/${martin}/timeline?limit=101`)).statusCode).toBe(400);
    expect((await adv.get(`/api/customers/999999/timeline`)).statusCode).toBe(404);
  });
});
