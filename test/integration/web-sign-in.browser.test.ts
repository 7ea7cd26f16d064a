import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWebApp, webAdmin, webMerchant, type Lang, type WebApp } from '../support/web-app.js';

describe('the browser app: serving, the sign-in page and signing in', () => {
  let w: WebApp;
  beforeAll(async () => {
    w = await startWebApp();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('answers index.html with a same-origin policy for the client routes only', async () => {
    for (const p of ['/', '/login', '/agent', '/admin/billing/plans', '/platform/merchants']) {
      const res = await fetch(`${w.url}${p}`);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
      expect(await res.text()).toContain('<div id="root"></div>');
    }
    // Other routers keep their paths; unknown paths and assets get the JSON 404.
    expect((await fetch(`${w.url}/healthz`)).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${w.url}/openapi.json`)).status).toBe(200);
    for (const p of ['/api/nowhere', '/assets/missing.js', '/agents', '/loginx']) expect((await fetch(`${w.url}${p}`)).status, p).toBe(404);
    expect((await fetch(`${w.url}/login`, { method: 'POST' })).status).toBe(404);
  });

  const title: Record<Lang, string> = { en: 'Sign in to customer service', zh: '登录智能客服' };

  for (const lang of ['zh', 'en'] as const) {
    it(`shows the sign-in page in the browser language (${lang}), every control named`, async () => {
      const web = await w.open(lang);
      const { page } = web;
      await page.goto(`${w.url}/agent`);
      await page.waitForURL(`${w.url}/login`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title[lang]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(await page.getByRole('textbox', { name: lang === 'zh' ? '用户名或邮箱' : 'User name or e-mail' }).count()).toBe(1);
      expect(await page.getByRole('radio').count()).toBe(3);
      expect(await page.getByRole('combobox', { name: lang === 'zh' ? '语言' : 'Language' }).inputValue()).toBe(lang);
      await web.shot('sign-in');

      // A wrong password is refused in words, not by leaving the page.
      await page.locator('input[name="userName"]').fill('nobody');
      await page.locator('input[name="password"]').fill('wrong-pass');
      await page.locator('form button[type="submit"]').click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe(lang === 'zh' ? '用户名或密码错误' : 'Wrong user name or password');
      await web.close();
    });
  }

  it('signs a merchant in (MD5 of the typed password), keeps the session and the switched language across a reload, and signs out', async () => {
    const merchant = await webMerchant(w.t);
    const web = await w.open('en');
    const { page } = web;
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Merchant admin');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('商户后台');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('商户后台');
    // The merchant's token does not open the platform admin's pages.
    await page.goto(`${w.url}/platform`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('当前账号无权打开此页面');
    await page.goto(`${w.url}/admin`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${w.url}/login`);
    await web.close();
  });

  it('signs the platform admin in', async () => {
    const web = await w.open('zh');
    await signIn(web, w.url, 'admin', webAdmin.userName, webAdmin.plain);
    await expect.poll(() => web.page.getByRole('heading', { level: 1 }).textContent()).toBe('平台管理');
    await web.close();
  });
});
