import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Found, or installed when missing, by global-setup (CHROMIUM_PATH, /usr/bin/chromium, or `chromium` on PATH). */
const CHROMIUM = inject('chromiumPath');
/** Screenshots kept after the run (gitignored). */
const ARTIFACTS = path.resolve('test-artifacts');

describe('the API reference at /docs, in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp(),
      chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }),
    ]);
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders every documented operation with nothing fetched from outside the server', async () => {
    const doc = await (await fetch(`${t.url}/openapi.json`)).json();
    const operations = Object.values(doc.paths as Record<string, Record<string, unknown>>).reduce((n, item) => n + Object.keys(item).length, 0);
    const origin = new URL(t.url).origin;
    const outside: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    // Every request the page makes passes here: one to another origin fails the test (and is never sent).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    const res = await page.goto(`${t.url}/docs`);
    expect(res?.status()).toBe(200);
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBe(operations);
    await expect.poll(() => page.locator('.info .title').innerText()).toContain('Customer-service platform REST API');
    expect(await page.locator('.opblock-summary-path[data-path="/api/sessions/{sessionId}/accept"]').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'api-docs.png'), fullPage: false });

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    // Only the page's own files are served from swagger-ui-dist: its demo index.html would load the petstore.
    expect((await fetch(`${t.url}/docs/assets/index.html`)).status).toBe(404);
  });
});
