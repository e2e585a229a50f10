import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { systemClock } from '../../server/clock.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { applyDemoMode } from '../../server/demo/demo-mode.ts';

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

export type RunningServer = { app: FastifyInstance; url: string; close: () => Promise<void> };

/** The real server on a fresh SQLite file, on a free port: with the demo, unless `env` sets CARNET_DEMO=false. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-browser-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const handle = openDatabase({ dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  await applyDemoMode(handle.db, config.CARNET_DEMO, { info: () => {}, warn: () => {} }, systemClock.now());
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
  /** A new page at 1440×900, logged in as `email`, in a language (the demo's accounts share one password). */
  open: (language: 'fr' | 'en', email?: string) => Promise<Page>;
  /** A full-page screenshot in test-results/screenshots/<name>.png, to look at. */
  shot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
};

/** The demo desk for a browser suite: the built web app, the real server on a fresh SQLite file, Chromium. */
export async function openDesk(env: Record<string, string> = {}): Promise<Desk> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  buildWeb();
  const server = await startServer(env);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    open: async (language, email = 'adv@demo.local') => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
      await page.addInitScript((lang) => localStorage.setItem('carnet.language', lang), language);
      await page.goto(`${server.url}/login`);
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

/** Waits until the element with this test id has the focus. */
export async function focusedOn(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
}
