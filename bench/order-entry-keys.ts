import type { Page } from 'playwright-core';
import { buildWeb, launchBrowser, startServer } from '../test/helpers/browser.ts';

/**
 * Scenario 2 at scale: Boulangerie Martin phones in ten lines. The script types what the assistant hears
 * (the customer's name, ten product codes, ten quantities) and counts every other key she must press, and
 * every click. The number must only ever go down.
 */
const CUSTOMER = 'martin';
const LINES: [string, number][] = [
  ['FAR-T45-S25', 10],
  ['FAR-T55-S25', 8],
  ['FAR-T65-S25', 12],
  ['FAR-T80-S25', 4],
  ['FAR-T110-S25', 2],
  ['FAR-SEI-S25', 3],
  ['SUC-POU-S25', 4],
  ['SUC-GLA-S10', 2],
  ['SUC-CAS-S25', 1],
  ['FAR-T45-S05', 6],
];

class CountingKeyboard {
  keys = 0;
  constructor(private readonly page: Page) {}
  /** What the customer said: not counted. */
  data(text: string) {
    return this.page.keyboard.type(text);
  }
  /** Any other key (a chord counts each key held). */
  press(chord: string) {
    this.keys += chord.split('+').length;
    return this.page.keyboard.press(chord);
  }
}

async function focused(page: Page, testId: string) {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
}

export async function benchOrderEntryKeys() {
  buildWeb();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    let clicks = 0;
    await page.exposeFunction('__countClick', () => clicks++);
    await page.addInitScript(() =>
      document.addEventListener('mousedown', () => (window as unknown as { __countClick: () => void }).__countClick(), true),
    );
    // Logging in is not part of taking the order: do it through the API.
    await page.goto(`${server.url}/login`);
    await page.evaluate(async () => {
      await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'adv@demo.local', password: 'demo1234' }),
      });
    });
    await page.goto(`${server.url}/orders/new`);

    const kb = new CountingKeyboard(page);
    await focused(page, 'order-customer');
    await kb.data(CUSTOMER);
    await page.getByText('Boulangerie Martin').first().waitFor();
    await kb.press('Enter');
    for (const [i, [code, quantity]] of LINES.entries()) {
      await focused(page, `order-line-${i + 1}-product`);
      await kb.data(code);
      await kb.press('Enter');
      await focused(page, `order-line-${i + 1}-quantity`);
      await kb.data(String(quantity));
      await kb.press('Enter');
    }
    await kb.press('Control+Enter');
    await page.waitForURL(/\/orders\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const order = await page.evaluate(async (orderId) => (await fetch(`/api/orders/${orderId}`)).json(), id);
    if (order.status !== 'confirmed' || order.lines.length !== LINES.length || order.customerName !== 'Boulangerie Martin') {
      throw new Error(
        `the order was not taken as dictated: ${JSON.stringify({ status: order.status, lines: order.lines.length, customer: order.customerName })}`,
      );
    }
    return { bench: 'order-entry-keys', unit: 'keys', value: kb.keys, clicks, lines: LINES.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
