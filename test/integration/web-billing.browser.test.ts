import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createAgent, createMerchant, createProduct, createStaff, md5 } from '../support/factories.js';
import { insertConversation, type ScriptedConversation } from '../support/helpdesk-factories.js';
import { signIn, startWebApp, webAdmin, webMerchant, type Lang, type WebApp, type WebPage } from '../support/web-app.js';

const HOUR = 3_600_000;
const heading = (web: WebPage) => web.page.getByRole('heading', { level: 1 }).textContent();

describe('the browser app: billing, reports and the platform admin', () => {
  let w: WebApp;
  let merchant: Awaited<ReturnType<typeof webMerchant>>;
  let staffName: string;
  let productName: string;
  let paidTradeNo: string;

  beforeAll(async () => {
    w = await startWebApp();
    merchant = await webMerchant(w.t);
    staffName = `Sales ${merchant.id}`;
    const staffId = await createStaff(w.t, merchant.token, { name: staffName });
    productName = `Standard ${merchant.id}`;
    await createProduct(w.t, await adminToken(w.t), { name: productName, price: '199', currency: 'CNY', expiring_days: 31 });
    // A few days of conversations for the report: the AI alone, handed off and answered, rated.
    const agent = await createAgent(w.t, merchant.token, [staffId], { name: 'Ann' });
    const now = Date.now();
    const script: [number, Partial<ScriptedConversation>][] = [
      [1, {}],
      [2, { handoff: { reason: 'requested', at: 10 }, accept: { agentId: agent.id, at: 70 }, agentRepliesAt: [90], closeAt: 400, csat: 5 }],
      [26, { closeAt: 120, csat: 4 }],
      [50, { handoff: { reason: 'low_confidence', at: 5 } }],
    ];
    for (const [hoursAgo, extra] of script) {
      await insertConversation(w.t, { merchantId: merchant.id, staffId, start: new Date(now - hoursAgo * HOUR), contactAt: [0, 20], ...extra });
    }
  });
  afterAll(async () => {
    await w?.close();
  });

  it('a merchant buys a package in the sandbox: the QR code, the sandbox page pays, the trade is paid and the bill appears', async () => {
    const web = await w.open('en');
    const { page } = web;
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);
    await page.getByRole('link', { name: 'Billing' }).click();
    await expect.poll(() => heading(web)).toBe('Choose a package');
    expect(await page.getByRole('combobox', { name: 'Staff' }).inputValue()).not.toBe('');
    await page.getByRole('combobox', { name: 'Payment method' }).selectOption('ALIPAY');
    await web.shot('billing-packages');
    await page.getByRole('button', { name: `Buy ${productName} for ${staffName}` }).click();

    await page.waitForURL((u) => u.pathname.startsWith('/admin/billing/pay/'));
    const qr = page.getByRole('img', { name: /^QR code of the payment link/ });
    await qr.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Awaiting payment' }).count()).toBe(1);
    paidTradeNo = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const payUrl = await page.getByRole('link', { name: 'Open the payment page' }).getAttribute('href');
    expect(new URL(payUrl!).pathname).toBe(`/pay/sandbox/${paidTradeNo}`);
    await web.shot('billing-pay');

    // The sandbox checkout, as a customer would open it from the link (here on the test server's own address).
    const sandbox = await web.context.newPage();
    await sandbox.goto(`${w.url}${new URL(payUrl!).pathname}`);
    await sandbox.getByRole('button', { name: /^Pay .*\(sandbox\)$/ }).click();
    await sandbox.getByText('Paid', { exact: true }).waitFor();
    await sandbox.close();

    // The app hears tradeUpdated and shows the trade paid, with the staff's new period.
    await page.getByRole('status').filter({ hasText: 'Paid' }).waitFor();
    await page.getByText(new RegExp(`${staffName} now has service until`)).waitFor();
    await web.shot('billing-paid');

    await page.getByRole('link', { name: 'Trades' }).click();
    const tradeRow = page.getByRole('row').filter({ hasText: paidTradeNo });
    await tradeRow.waitFor();
    expect(await tradeRow.textContent()).toContain('Paid');
    await web.shot('billing-trades');

    await page.getByRole('navigation', { name: 'Billing sections' }).getByRole('link', { name: 'Bills' }).click();
    const bills = page.getByRole('table', { name: `Paid periods of ${staffName}` });
    await bills.waitFor();
    const bill = await bills.getByRole('row').filter({ hasText: paidTradeNo }).textContent();
    expect(bill).toContain('31 days');
    // The period the payment bought, from the trade itself.
    const { periodStart, periodEnd } = (await w.t.gql('query($n: String!) { trade(tradeNo: $n) { periodStart periodEnd } }', { n: paidTradeNo }, merchant.token)).data.trade;
    const range = await page.evaluate(([a, b]) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).formatRange(new Date(a!), new Date(b!)), [periodStart, periodEnd]);
    expect(bill).toContain(range);
    const group = page.getByRole('region', { name: staffName });
    expect(await group.getByText('Paid until').count()).toBe(1);
    await web.shot('billing-bills');
    await web.close();
  });

  it('a merchant opens the reports: four charts over time, each with a text alternative and a data table', async () => {
    const web = await w.open('en');
    const { page } = web;
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);
    await page.getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => heading(web)).toBe('Reports');
    const volume = page.getByRole('img', { name: /^Volume over time: 4 conversations over 7 days/ });
    await volume.waitFor();
    for (const name of [/^AI resolution and handoff rate: /, /^Wait and first-response time: /, /^Customer satisfaction \(CSAT\): Average rating 4\.5 from 2 ratings/]) {
      await expect.poll(() => page.getByRole('img', { name }).count()).toBe(1);
    }
    // Recharts drew the bars; the same numbers are in the volume chart's table.
    expect(await volume.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const figure = page.getByRole('figure', { name: 'Volume over time' });
    await figure.getByText('Data table').click();
    const table = figure.getByRole('table', { name: 'Volume over time' });
    expect(await table.getByRole('row').count()).toBe(8);
    expect(await page.getByRole('table', { name: 'Handoff reasons' }).textContent()).toContain('Asked for a person');
    await page.getByRole('combobox', { name: 'Period' }).selectOption('30');
    await page.getByRole('img', { name: /over 30 days/ }).waitFor();
    await page.getByRole('combobox', { name: 'Period' }).selectOption('7');
    await volume.waitFor();
    await web.shot('reports');
    await web.close();
  });

  it('shows the merchant’s billing and report screens in Chinese', async () => {
    // A second, unpaid trade, so the pay page with its QR code can be shown too.
    const staffs = await w.t.gql('{ staffs { items { id } } products { items { id name } } }', {}, merchant.token);
    const product = staffs.data.products.items.find((p: { name: string }) => p.name === productName);
    const ordered = await w.t.gql('mutation($i: PayStaffInput!) { payStaff(input: $i) { tradeNo } }', { i: { staffId: staffs.data.staffs.items[0].id, productId: product.id, payType: 'WXPAY' } }, merchant.token);
    const web = await w.open('zh');
    const { page } = web;
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);
    const screens: [string, string, string][] = [
      ['/admin/billing', '选择套餐', 'billing-packages'],
      [`/admin/billing/pay/${ordered.data.payStaff.tradeNo}`, `支付 ${productName}`, 'billing-pay'],
      ['/admin/billing/trades', '订单', 'billing-trades'],
      ['/admin/billing/bills', '账单', 'billing-bills'],
      ['/admin/reports', '数据报表', 'reports'],
    ];
    for (const [path, title, name] of screens) {
      await page.goto(`${w.url}${path}`);
      await expect.poll(() => heading(web)).toBe(title);
      await page.getByRole('status').filter({ hasText: '加载中' }).waitFor({ state: 'detached' });
      if (name === 'billing-pay') await page.getByRole('img', { name: /支付链接二维码/ }).waitFor();
      if (name === 'reports') await page.getByRole('img', { name: /^会话量趋势:/ }).waitFor();
      await web.shot(name);
    }
    await web.close();
  });

  const platformText: Record<Lang, { title: string; products: string; trades: string }> = {
    en: { title: 'Platform admin', products: 'Products', trades: 'Trades and refunds' },
    zh: { title: '平台管理', products: '产品', trades: '订单与退款' },
  };

  it('the platform admin searches a merchant and freezes it, creates, edits and deletes a product, and refunds a trade', async () => {
    const other = await createMerchant(w.t);
    const web = await w.open('en');
    const { page } = web;
    await signIn(web, w.url, 'admin', webAdmin.userName, webAdmin.plain);
    await expect.poll(() => heading(web)).toBe('Platform admin');
    // The search finds this merchant, not another one.
    await expect.poll(() => page.getByRole('row').filter({ hasText: other.userName }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'User name or e-mail' }).fill(merchant.userName);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: other.userName }).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: merchant.userName });
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: `Freeze ${merchant.userName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Freeze ${merchant.userName}?` });
    await dialog.getByRole('button', { name: 'Freeze', exact: true }).click();
    await row.getByRole('button', { name: `Unfreeze ${merchant.userName}` }).waitFor();
    expect(await row.textContent()).toContain('Frozen');
    // Frozen at once: the merchant's token no longer works.
    expect((await w.t.gql('{ me { __typename } }', {}, merchant.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await web.shot('platform-merchants');
    // Unfrozen: it signs in again.
    await row.getByRole('button', { name: `Unfreeze ${merchant.userName}` }).click();
    await row.getByRole('button', { name: `Freeze ${merchant.userName}`, exact: true }).waitFor();
    expect(await row.textContent()).not.toContain('Frozen');
    const again = await w.t.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { userName: merchant.userName, password: md5(merchant.plain) } });
    expect(again.data?.login.token).toEqual(expect.any(String));

    await page.getByRole('link', { name: platformText.en.products }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    const editor = page.getByRole('dialog', { name: 'New product' });
    await editor.getByRole('textbox', { name: 'Name' }).fill('Pro yearly');
    await editor.getByRole('textbox', { name: 'Price' }).fill('1999.00');
    await editor.getByRole('textbox', { name: 'Days of service' }).fill('365');
    await editor.getByRole('button', { name: 'Save' }).click();
    const productRow = page.getByRole('row').filter({ hasText: 'Pro yearly' });
    await productRow.waitFor();
    expect(await productRow.textContent()).toContain('1,999.00');
    await web.shot('platform-products');
    // Edit it, then delete it: the merchants' list of packages loses it.
    await productRow.getByRole('button', { name: 'Edit Pro yearly' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Pro yearly' });
    await edit.getByRole('textbox', { name: 'Price' }).fill('1899.00');
    await edit.getByRole('button', { name: 'Save' }).click();
    await productRow.filter({ hasText: '1,899.00' }).waitFor();
    await productRow.getByRole('button', { name: 'Delete Pro yearly' }).click();
    await page.getByRole('dialog', { name: 'Delete Pro yearly?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await productRow.waitFor({ state: 'detached' });
    const onSale = (await w.t.gql('{ products { items { name } } }', {}, await adminToken(w.t))).data.products.items.map((p: { name: string }) => p.name);
    expect(onSale).toContain(productName);
    expect(onSale).not.toContain('Pro yearly');

    await page.getByRole('link', { name: platformText.en.trades }).click();
    await page.getByRole('textbox', { name: 'Trade number' }).fill(paidTradeNo);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('button', { name: `Refund trade ${paidTradeNo}` }).click();
    const refund = page.getByRole('dialog', { name: `Refund ${paidTradeNo}?` });
    await refund.getByRole('textbox', { name: 'Reason' }).fill('customer asked');
    await refund.getByRole('button', { name: 'Refund', exact: true }).click();
    const tradeRow = page.getByRole('row').filter({ hasText: paidTradeNo });
    await tradeRow.filter({ hasText: 'Refunded' }).waitFor();
    expect(await tradeRow.getByRole('button', { name: /Refund/ }).count()).toBe(0);
    const after = await w.t.gql('query($n: String!) { trade(tradeNo: $n) { state refundAmount } }', { n: paidTradeNo }, await adminToken(w.t));
    expect(after.data.trade).toEqual({ state: 'REFUNDED', refundAmount: '199.00' });
    await web.shot('platform-trades');
    await web.close();
  });

  it('shows the platform admin’s screens in Chinese', async () => {
    const web = await w.open('zh');
    const { page } = web;
    await signIn(web, w.url, 'admin', webAdmin.userName, webAdmin.plain);
    for (const [path, title, name] of [
      ['/platform', platformText.zh.title, 'platform-merchants'],
      ['/platform/products', platformText.zh.products, 'platform-products'],
      ['/platform/trades', platformText.zh.trades, 'platform-trades'],
    ] as const) {
      await page.goto(`${w.url}${path}`);
      await expect.poll(() => heading(web)).toBe(title);
      await page.getByRole('table').first().waitFor();
      await web.shot(name);
    }
    await web.close();
  });
});
