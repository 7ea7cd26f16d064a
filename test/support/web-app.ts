import { execFile } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { WEB_DIST } from '../../src/http/web-app/web-app.routes.js';
import { ADMIN_PASSWORD, ADMIN_USER, startTestApp, type TestApp } from './test-app.js';
import { createAgent, createMerchant, md5, type AgentFixture, type MerchantFixture } from './factories.js';

const WEB = path.resolve(import.meta.dirname, '../../web');
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/web');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Only the test server resolves: a request elsewhere fails at once (and the test fails on it).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export type Lang = 'en' | 'zh';
export type WebRole = 'merchant' | 'agent' | 'admin';
const LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

const newest = (dir: string): number =>
  Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)));

async function builtAt(): Promise<number> {
  return (await stat(path.join(WEB_DIST, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
}

/**
 * Builds web/dist when it is missing or older than web/: once per run, as test files run in parallel
 * forks, the first takes a lock (an atomic mkdir) and the others wait for it, then see a fresh build.
 */
export async function ensureWebBuild(): Promise<void> {
  const sources = () => Math.max(newest(path.join(WEB, 'src')), ...['index.html', 'vite.config.ts'].map((f) => statSync(path.join(WEB, f)).mtimeMs));
  if ((await builtAt()) >= sources()) return;
  const lock = path.join(WEB, '.build-lock');
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    // The CLI in its own process: vitest's NODE_ENV=test would give a development build of React.
    const vite = path.resolve(WEB, '../node_modules/vite/bin/vite.js');
    const env = { ...process.env, NODE_ENV: 'production' };
    if ((await builtAt()) < sources()) await promisify(execFile)(process.execPath, [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], { env });
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export interface WebPage {
  lang: Lang;
  context: BrowserContext;
  page: Page;
  /** Requests (and sockets) the page tried to send to another origin; close() fails the test on any. */
  foreign: string[];
  /** test-artifacts/web/<name>.<lang>.png, the full page; first it fails the test on any control without an accessible name. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface WebApp {
  t: TestApp;
  url: string;
  browser: Browser;
  /**
   * A fresh browser context whose browser language is `lang`. Requests elsewhere are refused; `tolerate`
   * names those that do not fail the test (still refused), e.g. the chat page's PUBLIC_URL pictures.
   */
  open(lang: Lang, options?: { viewport?: { width: number; height: number }; tolerate?: (url: string) => boolean }): Promise<WebPage>;
  close(): Promise<void>;
}

/** The real server (own database) serving the built app, and a headless Chromium (found by global-setup). */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  await ensureWebBuild();
  const [t, browser] = await Promise.all([startTestApp(env), chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS })]);
  const origin = new URL(t.url).origin;
  const pages: WebPage[] = [];
  const sameOrigin = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url.replace(/^ws/, 'http')).origin === origin;
  return {
    t,
    url: t.url,
    browser,
    async open(lang, options = {}) {
      const context = await browser.newContext({ locale: LOCALE[lang], viewport: options.viewport ?? { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      const foreign: string[] = [];
      await context.route(
        (url) => !sameOrigin(url.href),
        (route) => {
          if (!options.tolerate?.(route.request().url())) foreign.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      const page = await context.newPage();
      page.on('websocket', (ws) => void (sameOrigin(ws.url()) || foreign.push(ws.url())));
      const web: WebPage = {
        lang,
        context,
        page,
        foreign,
        async shot(name) {
          await expectNamedControls(web, name);
          await mkdir(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: path.join(ARTIFACTS, `${name}.${lang}.png`), fullPage: true });
        },
        async close() {
          await context.close();
          expect(foreign, 'requests to another origin').toEqual([]);
        },
      };
      pages.push(web);
      return web;
    },
    async close() {
      await Promise.all(pages.map((p) => p.context.close()));
      await browser.close();
      await t.close();
    },
  };
}

/** Controls (and images): each must have an accessible name; the snapshot lists one without a name by its role alone. */
const UNNAMED = /^\s*- (button|link|textbox|combobox|checkbox|radio|spinbutton|slider|switch|searchbox|progressbar|menuitem|tab|img)( \[[^\]]*\])?(:.*)?$/;

/** Fails when any control on the page has no accessible name (from the page's accessibility snapshot). */
export async function expectNamedControls(web: WebPage, where = web.page.url()): Promise<void> {
  const unnamed = (await web.page.locator('body').ariaSnapshot()).split('\n').filter((l) => UNNAMED.test(l));
  expect(unnamed, `controls without an accessible name on ${where}`).toEqual([]);
}

/** A merchant and an agent made by the factories with a password typed in the browser (the app sends its MD5). */
export async function webMerchant(t: TestApp, plain = 'merchant-pass-1'): Promise<MerchantFixture & { plain: string }> {
  return { ...(await createMerchant(t, { password: md5(plain) })), plain };
}

export async function webAgent(t: TestApp, merchantToken: string, staffIds: number[], overrides: Record<string, unknown> = {}, plain = 'agent-pass-1'): Promise<AgentFixture & { plain: string }> {
  return { ...(await createAgent(t, merchantToken, staffIds, { ...overrides, password: md5(plain) })), plain };
}

/** The platform admin's credentials (test-app's ADMIN_USER, ADMIN_PASSWORD). */
export const webAdmin = { userName: ADMIN_USER, plain: ADMIN_PASSWORD };

const ROLE_VALUE: Record<WebRole, string> = { merchant: 'MERCHANT', agent: 'AGENT', admin: 'ADMIN' };
const HOME: Record<WebRole, string> = { merchant: '/admin', agent: '/agent', admin: '/platform' };

/** Signs in through /login as `role` and waits for the role's home page. */
export async function signIn(web: WebPage, url: string, role: WebRole, userName: string, plain: string): Promise<void> {
  const { page } = web;
  await page.goto(`${url}/login`);
  await page.locator(`input[name="role"][value="${ROLE_VALUE[role]}"]`).check();
  await page.locator('input[name="userName"]').fill(userName);
  await page.locator('input[name="password"]').fill(plain);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => u.pathname.startsWith(HOME[role]));
}
