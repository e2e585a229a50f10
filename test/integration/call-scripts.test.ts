import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCallScript } from '../../core/scripts/call-scripts.ts';
import { listAuditEvents } from '../../server/audit/audit.repository.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

type Script = { typology: string; screen: string; text: { fr: Record<string, string>; en: Record<string, string> }; edited: unknown };

describe.each(await testEngines())('call scripts on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  const artisanRisk = {
    opening: 'Bonjour, c’est Julie des Moulins Delaunay.\nJe vous appelle pour la farine de demain.',
    questions: 'Combien de sacs vous faut-il ?',
    calming: 'On ne laisse pas votre fournil sans farine.',
    closing: 'Merci, bonne fournée.',
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('gives the desk a script per typology and screen, in French and English, until a manager writes one', async () => {
    const res = await adv.get('/api/call-scripts');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Script[];
    expect(items).toHaveLength(15);
    const risk = items.find((s) => s.typology === 'ARTISAN' && s.screen === 'risk')!;
    expect(risk.edited).toBeNull();
    expect(risk.text.fr).toEqual(defaultCallScript('ARTISAN', 'risk', 'fr'));
    expect(risk.text.en).toEqual(defaultCallScript('ARTISAN', 'risk', 'en'));
  });

  it('lets a manager rewrite one, audited with the text before; then every screen reads his words', async () => {
    const res = await manager.put('/api/call-scripts/ARTISAN/risk', { ...artisanRisk, closing: '  Merci, bonne fournée.  ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ typology: 'ARTISAN', screen: 'risk', text: { fr: artisanRisk, en: artisanRisk } });
    expect(res.json().edited).toMatchObject({ byName: expect.any(String) });
    const again = await manager.put('/api/call-scripts/ARTISAN/risk', { ...artisanRisk, closing: 'À demain.' });
    expect(again.json().text.fr.closing).toBe('À demain.');
    const items = (await adv.get('/api/call-scripts')).json().items as Script[];
    expect(items.find((s) => s.typology === 'ARTISAN' && s.screen === 'risk')!.text.en.closing).toBe('À demain.');
    expect(items.find((s) => s.typology === 'ARTISAN' && s.screen === 'complaint')!.edited).toBeNull();
    const events = (await listAuditEvents(t.handle.db, { entityType: 'call_script' })).sort((a, b) => a.id - b.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[0].before).toMatchObject({ typology: 'ARTISAN', screen: 'risk', ...defaultCallScript('ARTISAN', 'risk', 'fr') });
    expect(events[1].before).toMatchObject({ closing: 'Merci, bonne fournée.' });
    expect(events[1].after).toMatchObject({ closing: 'À demain.' });
  });

  it("lets a manager go back to Carnet's script, in each language again, audited with his words", async () => {
    expect((await adv.delete('/api/call-scripts/ARTISAN/risk')).statusCode).toBe(403);
    const res = await manager.delete('/api/call-scripts/ARTISAN/risk');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      edited: null,
      text: { fr: defaultCallScript('ARTISAN', 'risk', 'fr'), en: defaultCallScript('ARTISAN', 'risk', 'en') },
    });
    const events = (await listAuditEvents(t.handle.db, { entityType: 'call_script' })).sort((a, b) => a.id - b.id);
    expect(events.at(-1)).toMatchObject({ action: 'delete', before: { closing: 'À demain.' } });
    // Already Carnet's: nothing to undo, nothing audited.
    expect((await manager.delete('/api/call-scripts/ARTISAN/risk')).statusCode).toBe(200);
    expect(await listAuditEvents(t.handle.db, { entityType: 'call_script' })).toHaveLength(events.length);
  });

  it('refuses an assistant, and a bad body or screen with the field named', async () => {
    const refused = await adv.put('/api/call-scripts/ARTISAN/risk', artisanRisk);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const blank = await manager.put('/api/call-scripts/ARTISAN/risk', { ...artisanRisk, calming: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect(blank.json().errors).toContainEqual(expect.objectContaining({ path: 'body.calming' }));
    const missing = await manager.put('/api/call-scripts/ARTISAN/risk', { opening: 'Bonjour.' });
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.questions']));
    const screen = await manager.put('/api/call-scripts/ARTISAN/ordering', artisanRisk);
    expect(screen.statusCode).toBe(400);
    expect(screen.json().errors).toContainEqual(expect.objectContaining({ path: 'params.screen' }));
  });
});
