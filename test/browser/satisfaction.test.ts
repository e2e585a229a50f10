import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveComplaint } from '../../server/complaints/resolve-complaint.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/**
 * Scenario 10: Maison Lefèvre's yearly interview is due. The assistant opens it from her day, reads the artisan's
 * script, types the scores (one low), the customer's words, saves with the keyboard, and sees the manager's follow-up
 * opened. The manager rewrites the chain buyers' risk script; the risk call screen shows his words.
 */
describe.skipIf(!browserAvailable())('browser: the satisfaction interview and the call scripts', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
    await runRiskScan(desk.server.app.db, desk.server.app.clock.now());
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
  });

  it("records Maison Lefèvre's due interview from the day, by the keyboard, and says the low score opens a follow-up", async () => {
    const page = await desk.open('fr');
    // In the call series, the interview is the satisfaction call's card (the calls before it: no answer).
    await page.goto(`${desk.server.url}/calls/series`);
    const card = page.getByTestId('call-card');
    for (let n = 0; n < 12 && !(await card.getAttribute('data-ref'))?.startsWith('satisfaction'); n++) {
      const ref = await card.getAttribute('data-ref');
      await page.keyboard.press('2');
      await page.keyboard.press('Enter');
      await expect.poll(() => card.getAttribute('data-ref')).not.toBe(ref);
    }
    await card.getByTestId('interview-form').waitFor();
    expect(await card.getByTestId('call-script-satisfaction').innerText()).toMatch(/petit point de l’année/);
    await desk.shot(page, 'satisfaction-00-call-series-fr');

    await page.goto(`${desk.server.url}/day`);
    const item = page.getByRole('link', { name: 'Appel de satisfaction · Maison Lefèvre' });
    await item.waitFor();
    await item.click();
    await page.waitForURL(/\/customers\/\d+\/satisfaction$/);
    await page.getByTestId('interview-form').waitFor();
    // The due date comes with the customer's owed interviews, a request of its own: wait for it.
    await expect.poll(() => page.getByTestId('interview-rhythm').innerText()).toMatch(/tous les 12 mois · dû le/);
    expect(await page.getByTestId('call-script-satisfaction').innerText()).toMatch(/petit point de l’année/);
    await expect.poll(() => page.getByTestId('interview-history').locator('tbody tr').count()).toBe(1);

    // The first score has the focus: type each figure, Tab to the next.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'score-punctuality');
    for (const score of ['4', '9', '8', '7', '6']) {
      await page.keyboard.type(score);
      await page.keyboard.press('Tab');
    }
    await page.getByTestId('interview-low-warning').waitFor();
    expect(await page.getByTestId('interview-low-warning').innerText()).toContain('suivi pour le responsable');
    await page.keyboard.type('Le chauffeur arrive après 7 h, le fournil a déjà commencé.');
    await desk.shot(page, 'satisfaction-01-interview-fr');
    await page.keyboard.press('Control+Enter');

    const followUp = page.getByTestId('interview-follow-up');
    await followUp.waitFor();
    expect(await followUp.innerText()).toMatch(/Ponctualité des livraisons 4\/10, Note globale 6\/10/);
    expect(await followUp.innerText()).toContain('responsable ADV');
    await expect.poll(() => page.getByTestId('interview-history').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('interview-history').locator('tbody tr').first().innerText()).toMatch(/suivi ouvert/i);
    await desk.shot(page, 'satisfaction-02-saved-fr');

    // No longer due: the list of interviews says so, and the day no longer offers it.
    await page.goto(`${desk.server.url}/satisfaction`);
    await page.getByText('Aucun entretien de satisfaction dû aujourd’hui.').waitFor();
    await page.close();
  });

  it("lets the manager rewrite a typology's script; the call screen then reads his words", async () => {
    const manager = await desk.open('fr', 'manager@demo.local');
    await manager.goto(`${desk.server.url}/terms`);
    await manager.getByRole('tab', { name: "Scripts d'appel" }).click();
    await manager.waitForURL(/\/terms\/scripts/);
    await manager.getByTestId('scripts-typology').getByText('centrale GMS').click();
    await manager.getByTestId('scripts-screen').getByText('Appel risque').click();
    const opening = manager.getByTestId('script-opening');
    await opening.fill('Bonjour, ici Julie des Moulins Delaunay, votre interlocutrice pour les livraisons.');
    await manager.getByTestId('script-calming').fill('   ');
    await manager.getByTestId('script-save').click();
    await manager.getByTestId('script-form').getByText('obligatoire', { exact: false }).waitFor();
    await desk.shot(manager, 'satisfaction-03-script-error-fr');
    await manager.getByTestId('script-calming').fill('Je comprends l’enjeu pour vos magasins.');
    await manager.getByTestId('script-save').click();
    await manager.getByTestId('script-saved').waitFor();
    await expect.poll(() => manager.getByTestId('call-script-risk').innerText()).toContain('ici Julie des Moulins Delaunay');
    await desk.shot(manager, 'satisfaction-04-script-saved-fr');
    await manager.close();

    const page = await desk.open('fr');
    const riskId = await firstRisk(page, 'C001');
    await page.goto(`${desk.server.url}/risks/${riskId}`);
    const script = page.getByTestId('call-script-risk');
    await script.waitFor();
    expect(await script.innerText()).toContain('ici Julie des Moulins Delaunay');
    expect(await script.innerText()).toMatch(/Rédigé par .* le/);
    expect(await script.getByTestId('call-script-lead').innerText()).toMatch(/je vous appelle au sujet de votre commande/);
    await desk.shot(page, 'satisfaction-05-risk-call-script-fr');

    // The complaint screen reads its typology's script too.
    const complaintId = await page.evaluate(async () => {
      const body = (await (await fetch('/api/complaints')).json()) as { items: { id: number; status: string }[] };
      return body.items.find((c) => c.status === 'open')!.id;
    });
    await page.goto(`${desk.server.url}/complaints/${complaintId}`);
    await page.getByTestId('call-script-complaint').waitFor();
    expect(await page.getByTestId('call-script-complaint').innerText()).toMatch(/APAISER UN CONFLIT/i);
    await desk.shot(page, 'satisfaction-06-complaint-script-fr');
    await page.close();
  });

  it("lets the manager go back to Carnet's script", async () => {
    const manager = await desk.open('fr', 'manager@demo.local');
    await manager.goto(`${desk.server.url}/terms/scripts`);
    await manager.getByTestId('scripts-typology').getByText('centrale GMS').click();
    await manager.getByTestId('scripts-screen').getByText('Appel risque').click();
    await expect.poll(() => manager.getByTestId('script-opening').inputValue()).toContain('ici Julie');
    await manager.getByTestId('script-reset').click();
    await expect.poll(() => manager.getByTestId('call-script-risk').innerText()).not.toContain('ici Julie');
    expect(await manager.getByTestId('script-opening').inputValue()).not.toContain('ici Julie');
    await manager.getByText('Script fourni par Carnet', { exact: false }).waitFor();
    await expect.poll(() => manager.getByTestId('script-reset').count()).toBe(0);
    await desk.shot(manager, 'satisfaction-04b-script-reset-fr');
    await manager.close();
  });

  it('asks a settled complaint its one question, once', async () => {
    const db = desk.server.app.db;
    const complaint = await db.selectFrom('complaints').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
    const adv = await db.selectFrom('users').select('id').where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
    // Settled as the resolve panel would: a goodwill gesture.
    await resolveComplaint(
      db,
      { id: adv.id, role: 'assistant' },
      complaint.id,
      { outcome: 'gesture', amountCents: 1500, note: 'Geste commercial.' },
      desk.server.app.clock.now(),
    );
    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/complaints/${complaint.id}`);
    const question = page.getByTestId('complaint-question');
    await question.waitFor();
    await question.getByLabel("Réponse de l'ADV").fill('9');
    await page.keyboard.press('Enter');
    await question.getByText('Réponse du client : 9/10').waitFor();
    await desk.shot(page, 'satisfaction-07-complaint-question-fr');
    await page.reload();
    await page.getByTestId('complaint-question').getByText('Réponse du client : 9/10').waitFor();
    await page.close();
  });

  it('speaks English: the interview, its guide and the script', async () => {
    const page = await desk.open('en');
    const customerId = await page.evaluate(async () => {
      const body = (await (await fetch('/api/customers?q=Pause')).json()) as { items: { id: number }[] };
      return body.items[0].id;
    });
    await page.goto(`${desk.server.url}/customers/${customerId}/satisfaction`);
    await page.getByTestId('interview-form').waitFor();
    await page.getByText('Delivery punctuality').waitFor();
    expect(await page.getByTestId('call-script-satisfaction').innerText()).toMatch(/calm a conflict[\s\S]*my manager will call you back/i);
    await page.getByTestId('score-overall').fill('3');
    await page.getByTestId('interview-low-warning').waitFor();
    expect(await page.getByTestId('interview-low-warning').innerText()).toContain('follow-up for the order desk manager');
    await desk.shot(page, 'satisfaction-08-interview-en');
    await page.close();
  });
});

/** The first open risk of a customer, by his code. */
async function firstRisk(page: Page, customerCode: string): Promise<number> {
  return page.evaluate(async (code) => {
    const body = (await (await fetch('/api/risks')).json()) as { items: { id: number; customerCode: string }[] };
    return body.items.find((r) => r.customerCode === code)!.id;
  }, customerCode);
}
