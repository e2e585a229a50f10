import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk, pageApi } from '../helpers/browser.ts';
import { deliveredLine } from './a11y-screens.ts';

const BUYER_A = 'achats@pause-croustille.demo';
const BUYER_B = 'commandes@paindore.demo';

const WORDS = {
  fr: {
    complaints: 'Mes réclamations',
    stock: 'Mon stock',
    report: /^Signaler un problème/,
    reason: 'Motif',
    quantity: /^Quantité concernée/,
    description: /^Décrivez le problème/,
    send: 'Envoyer la réclamation',
    complaint: /^Réclamation REC-/,
    open: "Reçue, en cours d'examen",
    notApplicable: /n'est pas en place/,
  },
  en: {
    complaints: 'My complaints',
    stock: 'My stock',
    report: /^Report a problem/,
    reason: 'Reason',
    quantity: /^Quantity affected/,
    description: /^Describe the problem/,
    send: 'Send the complaint',
    complaint: /^Complaint REC-/,
    open: 'Received, being looked into',
    notApplicable: /do not follow your stock/,
  },
} as const;

// The portal's buyer of Pause Croustille says something was wrong with a delivered line, with a photo, follows it in
// her complaints, and sends her stock report (customer stocks apply to her company in the demo), in French and in
// English; Au Pain Doré's buyer has no stock screen, and none of the other's complaints.
describe.skipIf(!browserAvailable())('browser: a buyer complains with a photo and sends her stock report on the portal', () => {
  let desk: Desk;
  let photo: Buffer;
  beforeAll(async () => {
    desk = await openDesk();
    photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 190, g: 150, b: 110 } } })
      .jpeg()
      .toBuffer();
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  for (const lang of ['fr', 'en'] as const) {
    const w = WORDS[lang];

    it(`files a complaint with a photo on a delivered line and finds it in her list (${lang})`, async () => {
      const page = await desk.open(lang, BUYER_A);
      const { orderId, orderLineId } = await deliveredLine(page);
      await page.goto(`${desk.server.url}/portal/orders/${orderId}`);
      await page
        .getByRole('button', { name: w.report })
        .or(page.getByRole('link', { name: w.report }))
        .first()
        .waitFor();
      await expect.poll(() => nav(page, w.stock).count()).toBe(1);
      await desk.shot(page, `portal-delivered-order-${lang}`);
      await page.getByRole('link', { name: w.report }).first().click();
      await page.waitForURL(new RegExp(`/portal/orders/${orderId}/complaint\\?delivery=\\d+&line=${orderLineId}`));
      await page.getByLabel(w.reason).selectOption('missing-quantity');
      await page.getByLabel(w.quantity).fill('1');
      await page.getByLabel(w.description).fill(lang === 'fr' ? 'Un colis manquait à la livraison.' : 'One case was missing.');
      await page.locator('input[type=file]').setInputFiles({ name: 'colis.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByText('colis.jpg').waitFor();
      await desk.shot(page, `portal-complaint-form-${lang}`);
      await page.getByRole('button', { name: w.send }).click();
      await page.waitForURL(/\/portal\/complaints\/\d+$/);
      await page.getByRole('heading', { name: w.complaint }).waitFor();
      await page.getByTestId('complaint-photo').locator('img').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0));
      const number = ((await page.getByRole('heading', { level: 1 }).innerText()).match(/REC-\S+/) ?? [''])[0];
      expect(await page.locator('main').innerText()).toContain(w.open);
      await desk.shot(page, `portal-complaint-detail-${lang}`);

      // The desk settles it with a gesture and answers (printed and posted): the buyer reads the answer on her complaint.
      const id = Number(new URL(page.url()).pathname.split('/').at(-1));
      const adv = await desk.open(lang);
      const settled = await pageApi(adv)<{ status: string }>('POST', `/api/complaints/${id}/resolve`, {
        outcome: 'gesture',
        amountCents: 2000,
        note: 'Geste commercial sur la prochaine commande.',
      });
      expect(settled.status).toBe('resolved');
      const reply = await pageApi(adv)<{ answer: unknown }>('POST', `/api/complaints/${id}/reply`, {
        channel: 'print',
        text: 'Bonjour, nous déduisons 20 € de votre prochaine commande pour le colis manquant. Le service clients',
      });
      expect(reply.answer).not.toBeNull();
      await adv.close();
      await page.reload();
      await page.getByTestId('portal-complaint-answer').getByText('pour le colis manquant').waitFor();
      await desk.shot(page, `portal-complaint-answered-${lang}`);

      await nav(page, w.complaints).click();
      await page.getByRole('link', { name: number }).waitFor();
      await desk.shot(page, `portal-complaints-${lang}`);
      await page.close();
    }, 120_000);

    it(`sends her stock report, sees its errors row by row, then her declared stock (${lang})`, async () => {
      const page = await desk.open(lang, BUYER_A);
      await page.goto(`${desk.server.url}/portal/stock`);
      await page.getByTestId('stock-report-validate').waitFor();
      const call = pageApi(page);
      const me = await call<{ user: { customerId: number } }>('GET', '/api/auth/me');
      const catalogue = await call<{ products: { code: string; name: string }[] }>('GET', `/api/customers/${me.user.customerId}/catalogue`);
      const product = catalogue.products[0];
      const csv = `deliveryPoint;product;onHand\nC042-DP1;${product.code};24\nC042-DP1;NOPE-000;3\n`;
      await page.locator('input[type=file]').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('stock-report-validate').click();
      await page.getByTestId('stock-report-errors').waitFor();
      expect(await page.getByTestId('stock-report-errors').locator('tbody tr').count()).toBe(1);
      await desk.shot(page, `portal-stock-errors-${lang}`);
      await page.getByTestId('stock-report-commit-valid').click();
      await page.getByTestId('portal-stock-table').getByText(product.name).waitFor();
      await desk.shot(page, `portal-stock-${lang}`);
      await page.close();
    }, 120_000);
  }

  it("shows Au Pain Doré's buyer no stock screen and none of Pause Croustille's complaints", async () => {
    const page = await desk.open('fr', BUYER_B);
    await page.goto(`${desk.server.url}/portal/complaints`);
    await page.getByRole('heading', { name: WORDS.fr.complaints }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await nav(page, WORDS.fr.stock).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('Pause Croustille');
    const theirs = await pageApi(page)<{ items: unknown[] }>('GET', '/api/complaints');
    expect(theirs.items).toEqual([]);
    await page.goto(`${desk.server.url}/portal/stock`);
    await page.getByText(WORDS.fr.notApplicable).waitFor();
    await desk.shot(page, 'portal-stock-not-applicable-fr');
    await page.close();
  }, 60_000);
});
