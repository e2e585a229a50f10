import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { runningClock, type SettableClock } from '../../server/clock.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { applyDemoMode } from '../../server/demo/demo-mode.ts';
import type { DemoOptions } from '../../server/demo/seed.ts';
import { TEST_NOW } from './test-app.ts';

export const CHROMIUM = process.env.CARNET_CHROMIUM ?? '/usr/bin/chromium';
const repo = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(repo, 'test-results', 'screenshots');

/** Whether the browser suites can run; in CI (CARNET_REQUIRE_BROWSER=1) a missing Chromium fails instead. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM}: the browser tests are SKIPPED. Install it with: apt-get install -y chromium`;
  if (process.env.CARNET_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(message);
  return false;
}

/**
 * Builds what the tests run from the build (the web app the server serves; the compiled CLI) when it is older than
 * the sources, as `npm start` does (once per test run: see global-setup.ts).
 */
export function buildStale(targets: readonly ('server' | 'web')[]): void {
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--stale-only', ...targets], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the build of ${targets.join(' and ')} failed`);
}

export function buildWeb(): void {
  if (process.env.CARNET_WEB_BUILT !== '1') buildStale(['web']);
}

export type RunningServer = { app: FastifyInstance; url: string; clock: SettableClock; close: () => Promise<void> };

/**
 * The real server on a fresh SQLite file, on a free port: with the demo, unless `env` sets CARNET_DEMO=false. Its
 * clock starts at TEST_NOW (a Monday morning) unless a suite gives its own, as the pages of `launchBrowser` read,
 * so that no screen depends on the day the suite runs; it then runs, so that each write comes after the last.
 * The demo comes without its six months of history unless `demo.history` asks for it (the figures' suite does).
 */
export async function startServer(
  env: Record<string, string> = {},
  clock: SettableClock = runningClock(TEST_NOW),
  demo: DemoOptions = {},
): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-browser-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const handle = openDatabase({ dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  await applyDemoMode(handle.db, config.CARNET_DEMO, { info: () => {}, warn: () => {} }, clock.now(), demo);
  const app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    config,
    logger: process.env.DEBUG_SERVER ? { level: 'warn' } : false,
    clock,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // As serve() does: documents are printed after the commit, by the running worker.
  app.documentJobs.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium, every page of which reads the time as `at` (TEST_NOW unless a suite pins its server elsewhere; timers
 * still run): the web app's "today" is the pinned server's, and nothing it times is in the server's future. Pages come from `browser.newPage()` or `browser.newContext()`, so each suite is pinned without a step of
 * its own.
 */
export async function launchBrowser(at: Date | string = TEST_NOW): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.clock.setFixedTime(at);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // As Playwright's own newPage: the page owns its context, which closes with it. When the whole browser closes
    // (a suite's afterAll), its pages close with their contexts already gone: nothing left to close then.
    page.on('close', () => {
      context.close().catch(() => undefined);
    });
    return page;
  };
  return browser;
}

/** Logs a demo user in through the French login form and waits to leave it. */
export async function logIn(page: Page, url: string, email: string, password = 'demo1234'): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export type Desk = {
  server: RunningServer;
  browser: Browser;
  /** A new page at 1440×900, logged in as `email` (`null`: logged out), in a language (the demo's accounts share one password). */
  open: (language: 'fr' | 'en', email?: string | null) => Promise<Page>;
  /** A full-page screenshot in test-results/screenshots/<name>.png, to look at. */
  shot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * The demo desk for a browser suite: the built web app, the real server on a fresh SQLite file, Chromium; both at
 * TEST_NOW unless `at` pins them elsewhere, the demo with its history when `history` asks.
 */
export async function openDesk(env: Record<string, string> = {}, options: DemoOptions & { at?: string } = {}): Promise<Desk> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  buildWeb();
  const at = options.at ?? TEST_NOW;
  const server = await startServer(env, runningClock(at), { history: options.history });
  const browser = await launchBrowser(at);
  return {
    server,
    browser,
    open: async (language, email = 'adv@demo.local') => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
      await page.addInitScript((lang) => localStorage.setItem('carnet.language', lang), language);
      await page.goto(`${server.url}/login`);
      if (email === null) return page;
      await page.evaluate(async (e) => {
        await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: e, password: 'demo1234' }),
        });
      }, email);
      return page;
    },
    shot: async (page, name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Calls the API as the page's logged-in user (her session cookie, her CSRF token): what a suite sets up through the
 * routes a screen would use, without clicking through screens it does not test.
 */
export function pageApi(page: Page) {
  return <T>(method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ([m, u, b]) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const res = await fetch(u, {
          method: m,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: b === undefined ? undefined : JSON.stringify(b),
        });
        return res.status === 204 ? null : res.json(); // a removal answers nothing
      },
      [method, url, body] as const,
    ) as Promise<T>;
}

/** Waits until the element with this test id has the focus. */
export async function focusedOn(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
}

/** Types one order line on the entry as she does: the product's code, Enter, the quantity, Enter. */
export async function typeOrderLine(page: Page, line: number, code: string, quantity: number): Promise<void> {
  const product = page.getByTestId(`order-line-${line}-product`);
  await product.waitFor();
  await product.focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await focusedOn(page, `order-line-${line}-quantity`);
  await page.keyboard.type(String(quantity));
  await page.keyboard.press('Enter');
}

/** One axe-core rule broken: on how many elements, and the first five of them (enough for a failing test to say where). */
export type AuditViolation = { id: string; impact: string; help: string; count: number; nodes: string[] };

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, and best practices) on what the page shows now, and returns the critical
 * and serious violations: what the accessibility suite and `npm run bench` fail on. `moderate` adds those too.
 * Wait for the screen's content before calling it: axe checks the DOM as it is.
 */
export async function audit(page: Page, options: { moderate?: boolean } = {}): Promise<AuditViolation[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page })
    // Legacy mode: runs in the page itself, so pages opened by `browser.newPage()` (as `openDesk` does) can be audited.
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const impacts = options.moderate ? ['critical', 'serious', 'moderate'] : ['critical', 'serious'];
  return results.violations
    .filter((v) => impacts.includes(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      count: v.nodes.length,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`.trim()),
    }));
}

/**
 * Presses Tab (at most `max` times) until the focus is on an element matching `selector`, as a keyboard user walks
 * a screen; fails when it never gets there (the element is not reachable by keyboard).
 */
export async function tabUntil(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reached after ${max} presses of Tab`);
}

/** Whether the focused element shows a focus ring (an outline or a box shadow), as a keyboard user needs to see. */
export async function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}
