import type { Page } from 'playwright-core';
import { fileStoreOf } from '../../server/documents/file-store.ts';
import { intakeFolder, sweepFolder } from '../../server/intake/mailbox.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import type { RunningServer } from '../helpers/browser.ts';

/**
 * The screens and states the accessibility suite (a11y.test.ts) and `npm run bench` audit with axe-core, in French
 * and in English: every screen of the desk in what its user sees — empty, filled, with an open dialog, with errors
 * shown. A new screen is audited by adding its entry here: a path (or how to find one from the demo's data), what
 * says the screen is there, and the steps that bring the state.
 */
export type A11yScreen = {
  /** Unique, kebab-case: names the screenshot and the failing test. */
  name: string;
  /** The URL path, or how to find it from the API (in the page, logged in). */
  path: string | ((page: Page) => Promise<string>);
  /** Who looks at it (a demo account); the assistant by default. `null`: logged out. */
  user?: string | null;
  /** What must be on screen before the audit (a CSS or test-id selector, waited for visible). */
  ready?: string;
  /** Steps that bring the state from the screen as it opens: fill, open a dialog, submit to show the errors. */
  state?: (page: Page) => Promise<void>;
};

/** The id of the first item an API list answers (`{items}` or a bare array). */
export async function firstId(page: Page, api: string, key = 'id'): Promise<string> {
  const value = await page.evaluate(
    async ([url, k]) => {
      const body = (await (await fetch(url)).json()) as { items?: Record<string, unknown>[] } | Record<string, unknown>[];
      const items = Array.isArray(body) ? body : (body.items ?? []);
      const id = items[0]?.[k];
      return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
    },
    [api, key] as const,
  );
  if (value === null) throw new Error(`no item in ${api} to open`);
  return value;
}

/** A line of a delivered order of the logged-in buyer's company (in the page): what the portal lets her complain of. */
export async function deliveredLine(page: Page): Promise<{ orderId: number; deliveryId: number; orderLineId: number }> {
  const found = await page.evaluate(async () => {
    const list = (await (await fetch('/api/orders?status=closed&limit=100')).json()) as { items: { id: number }[] };
    for (const { id } of list.items) {
      const order = (await (await fetch(`/api/orders/${id}`)).json()) as {
        deliveries: { id: number; status: string; lines: { orderLineId: number }[] }[];
      };
      const delivery = order.deliveries.find((d) => d.status === 'delivered' && d.lines.length);
      if (delivery) return { orderId: id, deliveryId: delivery.id, orderLineId: delivery.lines[0].orderLineId };
    }
    return null;
  });
  if (!found) throw new Error('no delivered order to complain of');
  return found;
}

/** The demo desk as the screens are audited: the morning's risks found, the mailbox's emails and fax read. */
export async function prepareA11yDesk(server: RunningServer): Promise<void> {
  const { db, clock } = server.app;
  await runRiskScan(db, clock.now());
  await sweepFolder(db, intakeFolder(fileStoreOf(db)), clock);
}

const byTestId = (id: string) => `[data-testid="${id}"]`;

export const A11Y_SCREENS: A11yScreen[] = [
  { name: 'login', path: '/login', user: null, ready: 'form' },
  {
    name: 'login-error',
    path: '/login',
    user: null,
    ready: 'form',
    state: async (page) => {
      await page.locator('input[type="email"]').fill('personne@demo.local');
      await page.locator('input[type="password"]').fill('mauvais');
      await page.keyboard.press('Enter');
      await page.locator('[role="alert"]').first().waitFor();
    },
  },
  { name: 'orders', path: '/orders', ready: 'tbody tr' },
  { name: 'order-entry', path: '/orders/new', ready: byTestId('order-customer') },
  {
    name: 'order-entry-filled',
    path: '/orders/new',
    ready: byTestId('order-customer'),
    state: async (page) => {
      await page.getByTestId('order-customer').fill('martin');
      await page.getByText('Boulangerie Martin').first().waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('order-line-1-product').fill('FAR-T45-S25');
      await page.keyboard.press('Enter');
      await page.getByTestId('order-line-1-quantity').fill('3');
      await page.keyboard.press('Enter');
      await page.getByTestId('order-line-1-net').filter({ hasText: /\d/ }).waitFor();
    },
  },
  {
    name: 'order-entry-calendar',
    path: '/orders/new',
    ready: byTestId('order-customer'),
    state: async (page) => {
      await page.getByTestId('order-customer').fill('martin');
      await page.getByText('Boulangerie Martin').first().waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('order-requested-date-calendar').click();
      await page.getByTestId('delivery-calendar').waitFor();
    },
  },
  { name: 'order', path: async (page) => `/orders/${await firstId(page, '/api/orders')}`, ready: byTestId('order-number') },
  { name: 'approvals', path: '/approvals', user: 'manager@demo.local' },
  {
    name: 'order-change-waiting',
    // A confirmed order changed far beyond its stock, refused for a manager, submitted: the order shows it waiting.
    path: async (page) => `/orders/${await firstId(page, '/api/orders?status=confirmed')}`,
    ready: byTestId('order-edit'),
    state: async (page) => {
      if (await page.getByTestId('order-change-request').count()) return; // the other language submitted it
      await page.keyboard.press('e');
      await page.getByTestId('order-edit-line-1-quantity').fill('900000');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('order-edit-submit-approval').click();
      await page.getByTestId('order-change-request').waitFor();
    },
  },
  { name: 'approvals-changes', path: '/approvals', user: 'manager@demo.local', ready: byTestId('change-requests') },
  { name: 'risks', path: '/risks', ready: '[data-testid="risks-table"] tbody tr' },
  { name: 'risk', path: async (page) => `/risks/${await firstId(page, '/api/risks')}`, ready: byTestId('risk-call') },
  {
    name: 'risk-apply-confirm',
    // The first open risk that has options to choose from (an order-wide cause has none).
    path: async (page) =>
      `/risks/${await page.evaluate(async () => {
        const { items } = (await (await fetch('/api/risks?status=open')).json()) as { items: { id: number }[] };
        for (const { id } of items) {
          const risk = (await (await fetch(`/api/risks/${id}`)).json()) as { options: unknown[] };
          if (risk.options.length) return id;
        }
        throw new Error('no open risk with options');
      })}`,
    ready: byTestId('risk-options'),
    state: async (page) => {
      await page.getByTestId('risk-options').getByRole('button').first().click();
      await page.getByTestId('risk-apply-confirm').waitFor();
    },
  },
  { name: 'edi', path: '/edi' },
  { name: 'tasks', path: '/tasks', ready: 'main li, main tbody tr, main [data-testid^="task"]' },
  { name: 'complaints', path: '/complaints', ready: 'tbody tr' },
  {
    name: 'complaint',
    path: async (page) => `/complaints/${await firstId(page, '/api/complaints')}`,
    ready: byTestId('complaint-number'),
  },
  { name: 'customers', path: '/customers', ready: 'tbody tr' },
  { name: 'customer', path: async (page) => `/customers/${await firstId(page, '/api/customers')}`, ready: 'main h1' },
  {
    // His story filled in: habits, open matters, notes with one being written, the timeline with its next page.
    name: 'customer-story',
    path: async (page) => `/customers/${await firstId(page, '/api/customers?q=martin')}`,
    ready: byTestId('story-entry'),
    state: async (page) => {
      await page.getByTestId('story-habits').getByRole('table').or(page.getByTestId('story-weekdays')).first().waitFor();
      await page.getByTestId('story-note-text').fill('Appeler avant 7 h.');
      if (await page.getByTestId('story-timeline-more').count()) await page.getByTestId('story-timeline-more').click();
    },
  },
  {
    // The phone rings: the top bar's inbound call, the caller found by his number.
    name: 'inbound-call-palette',
    path: '/day',
    ready: byTestId('inbound-call'),
    state: async (page) => {
      await page.getByTestId('inbound-call').click();
      await page.keyboard.type('02 61 91 40 01');
      await page.locator('[data-testid^="search-hit-c"]').first().waitFor();
    },
  },
  {
    // His page during the call, opened as she answers it: the timer, the purpose, the outcome, a call back being set.
    name: 'inbound-call-panel',
    path: '/day',
    ready: byTestId('inbound-call'),
    state: async (page) => {
      await page.getByTestId('inbound-call').click();
      await page.keyboard.type('02 61 91 40 01');
      await page.locator('[data-testid^="search-hit-c"]').first().waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('inbound-call-panel').waitFor();
      await page.keyboard.press('3');
      await page.getByTestId('inbound-call-panel').locator('input[type="time"]').waitFor();
    },
  },
  {
    // A retail central's restricted assortment as a manager sees it: the products, the switch, the picker to list one.
    name: 'customer-assortment',
    path: async (page) => `/customers/${await firstId(page, '/api/customers?q=cap')}`,
    user: 'manager@demo.local',
    ready: `${byTestId('assortment-products')} tbody tr`,
  },
  { name: 'customer-new', path: '/customers/new', user: 'manager@demo.local', ready: 'form' },
  {
    name: 'customer-new-errors',
    path: '/customers/new',
    user: 'manager@demo.local',
    ready: 'form',
    state: async (page) => {
      await page.locator('button[type="submit"]').click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
    },
  },
  { name: 'products', path: '/products', ready: 'tbody tr' },
  { name: 'product', path: async (page) => `/products/${await firstId(page, '/api/products')}`, ready: 'main h1' },
  { name: 'product-new', path: '/products/new', user: 'admin@demo.local', ready: 'form' },
  {
    // A product's lots as a manager sees them, one being corrected (the form under the table).
    name: 'product-lots',
    path: async (page) => `/products/${await firstId(page, '/api/products?q=FAR-T45-1KG')}`,
    user: 'manager@demo.local',
    ready: `${byTestId('product-lots')} tbody tr`,
    state: async (page) => {
      await page.getByTestId('product-lots').getByRole('button').first().click();
      await page.getByTestId('lot-form').waitFor();
    },
  },
  { name: 'stock', path: '/stock', ready: 'tbody tr' },
  { name: 'production-shortfalls', path: '/stock/shortfalls', ready: '[data-testid="shortfalls-table"] tbody tr' },
  { name: 'penalties', path: '/penalties', ready: 'tbody tr' },
  { name: 'reports', path: '/reports', user: 'manager@demo.local', ready: byTestId('reports-table') },
  { name: 'reports-assistant', path: '/reports?groupBy=week', ready: byTestId('reports-table') },
  {
    name: 'reports-drill',
    path: '/reports/drill?metric=serviceRate&only=all',
    user: 'manager@demo.local',
    ready: `${byTestId('drill-table')} tbody tr`,
  },
  { name: 'terms', path: '/terms', user: 'manager@demo.local' },
  { name: 'promotions', path: '/terms/promotions', user: 'manager@demo.local', ready: 'tbody tr' },
  {
    name: 'force-majeure',
    path: '/terms/force-majeure',
    user: 'manager@demo.local',
    ready: '[data-testid=force-majeure-periods] tbody tr',
  },
  { name: 'promotion-new', path: '/terms/promotions/new', user: 'manager@demo.local', ready: 'form' },
  { name: 'price-lists', path: '/terms/price-lists', user: 'manager@demo.local', ready: `${byTestId('price-list-lines')} tbody tr` },
  { name: 'price-lists-assistant', path: '/terms/price-lists', ready: `${byTestId('price-list-lines')} tbody tr` },
  {
    // The list's discount on the order being changed: its steps, its families, a step added.
    name: 'order-tiers-edit',
    path: '/terms/price-lists',
    user: 'manager@demo.local',
    ready: byTestId('order-tiers-edit'),
    state: async (page) => {
      await page.getByTestId('order-tiers-edit').click();
      await page.getByTestId('order-tiers-form').waitFor();
    },
  },
  {
    name: 'call-scripts',
    path: '/terms/scripts?typology=ARTISAN&screen=complaint',
    user: 'manager@demo.local',
    ready: byTestId('script-form'),
  },
  {
    name: 'call-scripts-errors',
    path: '/terms/scripts',
    user: 'manager@demo.local',
    ready: byTestId('script-form'),
    state: async (page) => {
      await page.getByTestId('script-closing').fill(' ');
      await page.getByTestId('script-save').click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
    },
  },
  { name: 'imports', path: '/imports', user: 'admin@demo.local' },
  { name: 'edi-partners', path: '/edi-partners', user: 'admin@demo.local' },
  { name: 'ops', path: '/ops', user: 'admin@demo.local' },
  { name: 'desk-password', path: '/password', ready: 'form' },
  { name: 'users', path: '/users', user: 'admin@demo.local', ready: byTestId('users') },
  {
    name: 'users-new-errors',
    path: '/users',
    user: 'admin@demo.local',
    ready: byTestId('users'),
    state: async (page) => {
      await page.locator('main').getByRole('button').first().click();
      await page.getByTestId('new-colleague').locator('button[type="submit"]').click();
      await page.getByTestId('new-colleague').locator('[aria-invalid="true"]').first().waitFor();
    },
  },
  {
    name: 'customer-portal-invite',
    path: async (page) => `/customers/${await firstId(page, '/api/customers')}`,
    user: 'manager@demo.local',
    ready: byTestId('portal-buyers'),
    state: async (page) => {
      await page.getByTestId('portal-buyers').getByRole('button').first().click();
      await page.getByTestId('invite-buyer').waitFor();
    },
  },
  { name: 'day', path: '/day', ready: byTestId('day-items') },
  { name: 'team', path: '/team', user: 'manager@demo.local' },
  { name: 'calls', path: '/calls' },
  { name: 'satisfaction-due', path: '/satisfaction', ready: byTestId('satisfaction-due') },
  {
    name: 'satisfaction-interview',
    path: async (page) => `/customers/${await firstId(page, '/api/satisfaction/due', 'customerId')}/satisfaction`,
    ready: byTestId('interview-form'),
    state: async (page) => {
      await page.getByTestId('score-punctuality').fill('3');
      await page.getByTestId('interview-low-warning').waitFor();
    },
  },
  { name: 'call-series', path: '/calls/series', ready: byTestId('call-card') },
  { name: 'intake', path: '/intake', ready: byTestId('intake-row') },
  {
    name: 'intake-email',
    path: async (page) => `/intake/${await firstId(page, '/api/intake?status=new')}`,
    ready: byTestId('intake-original'),
  },
  { name: 'documents', path: '/documents' },
  { name: 'controls', path: '/controls' },
  { name: 'complaint-new-customer', path: '/complaints/new', ready: byTestId('order-customer') },
  {
    name: 'complaint-new',
    path: async (page) => `/complaints/new?customerId=${await firstId(page, '/api/customers')}`,
    ready: 'form',
  },
  {
    name: 'lot-trace',
    // A lot a complaint names (recorded when its delivery shipped), traced as from the complaint's page.
    path: (page) =>
      page.evaluate(async () => {
        const list = (await (await fetch('/api/complaints')).json()) as { items: { id: number }[] };
        for (const { id } of list.items) {
          const complaint = (await (await fetch(`/api/complaints/${id}`)).json()) as { lots: { lot: string; productId: number }[] };
          const [first] = complaint.lots;
          if (first) return `/lots/${encodeURIComponent(first.lot)}?productId=${first.productId}`;
        }
        throw new Error('no complaint names a lot');
      }),
    ready: 'main table',
  },
  { name: 'penalty', path: async (page) => `/penalties/${await firstId(page, '/api/penalty-notices')}`, ready: 'tbody tr' },
  {
    name: 'customer-edit',
    path: async (page) => `/customers/${await firstId(page, '/api/customers')}/edit`,
    user: 'manager@demo.local',
    ready: 'form',
  },
  {
    name: 'product-edit',
    path: async (page) => `/products/${await firstId(page, '/api/products')}/edit`,
    user: 'admin@demo.local',
    ready: 'form',
  },
  {
    name: 'promotion',
    path: async (page) => `/terms/promotions/${await firstId(page, '/api/promotions')}`,
    user: 'manager@demo.local',
    ready: 'form',
  },
  {
    name: 'shortcuts-help',
    path: '/orders',
    ready: 'tbody tr',
    state: async (page) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'set-password', path: '/set-password?token=nonexistent', user: null },
  { name: 'portal-order', path: '/portal', user: 'achats@pause-croustille.demo', ready: 'main input' },
  { name: 'portal-orders', path: '/portal/orders', user: 'achats@pause-croustille.demo' },
  {
    name: 'portal-order-detail',
    path: async (page) => `/portal/orders/${await firstId(page, '/api/orders')}`,
    user: 'achats@pause-croustille.demo',
    ready: 'main table',
  },
  { name: 'portal-password', path: '/portal/password', user: 'achats@pause-croustille.demo', ready: 'form' },
  {
    name: 'portal-complaint-form',
    path: async (page) => {
      const { orderId, deliveryId, orderLineId } = await deliveredLine(page);
      return `/portal/orders/${orderId}/complaint?delivery=${deliveryId}&line=${orderLineId}`;
    },
    user: 'achats@pause-croustille.demo',
    ready: 'form',
  },
  { name: 'portal-complaints', path: '/portal/complaints', user: 'achats@pause-croustille.demo', ready: 'main tbody tr' },
  {
    name: 'portal-complaint-detail',
    path: async (page) => `/portal/complaints/${await firstId(page, '/api/complaints')}`,
    user: 'achats@pause-croustille.demo',
    ready: byTestId('portal-complaint-answer'),
  },
  { name: 'portal-stock', path: '/portal/stock', user: 'achats@pause-croustille.demo', ready: byTestId('stock-report-validate') },
  {
    name: 'search-palette',
    path: '/orders',
    ready: 'tbody tr',
    state: async (page) => {
      await page.keyboard.press('Control+k');
      // The modal's root is a zero-size wrapper (its content is portalled): wait for its field, focused.
      await page.getByTestId('search-palette-input').waitFor();
      await page.keyboard.type('martin');
      await page.getByRole('dialog').getByText('Boulangerie Martin').first().waitFor();
    },
  },
];

/**
 * Opens the screen in its state on a page of this language, logged in as its user (or logged out), and waits
 * until it is there: its `ready` element, a level-one heading, no loader left.
 */
export async function showScreen(
  open: (language: 'fr' | 'en', email?: string | null) => Promise<Page>,
  screen: A11yScreen,
  language: 'fr' | 'en',
): Promise<Page> {
  const page = await open(language, screen.user);
  const target = typeof screen.path === 'string' ? screen.path : await screen.path(page);
  await page.goto(new URL(target, page.url()).href);
  await page.locator('h1').first().waitFor();
  if (screen.ready) await page.locator(screen.ready).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
  if (screen.state) await screen.state(page);
  // Mantine's transitions (a dialog fading in) end before axe reads the colours.
  await page.waitForTimeout(250);
  return page;
}
