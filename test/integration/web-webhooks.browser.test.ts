import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWebApp, webMerchant, type WebApp } from '../support/web-app.js';

interface Hit {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A merchant's receiver: records each request and answers the statuses in `plan` in turn, then 200. */
async function startReceiver() {
  const hits: Hit[] = [];
  const plan: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = plan.shift() ?? 200;
      hits.push({ headers: req.headers, body, status });
      res.writeHead(status).end(status === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    hits,
    plan,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const verifies = (hit: Hit, secret: string) => {
  try {
    new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};

describe('the merchant admin’s webhooks page in Chromium', { timeout: 90_000 }, () => {
  let w: WebApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    [w, receiver] = await Promise.all([startWebApp({ CHANNEL_POLL_MS: '50', CHANNEL_RETRY_BASE_MS: '200' }), startReceiver()]);
  });
  afterAll(async () => {
    await w?.close();
    await receiver?.close();
  });

  it('registers an endpoint with its secret shown once, tests, redelivers, rotates the secret, edits and deletes it; in zh too', async () => {
    const merchant = await webMerchant(w.t);
    const web = await w.open('en');
    const { page } = web;
    await web.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: w.url });
    const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
    const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Webhooks');

    // Register: at least one event must be chosen; the secret is then shown, and copied.
    await page.getByRole('button', { name: 'Register an endpoint' }).click();
    const form = page.getByRole('form', { name: 'Webhook endpoint' });
    await form.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await form.getByRole('textbox', { name: 'Description' }).fill('CRM');
    await form.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => alert('Choose at least one event').count()).toBe(1);
    await form.getByRole('checkbox', { name: 'trade.paid' }).check();
    await form.getByRole('checkbox', { name: 'session.closed' }).check();
    await form.getByRole('button', { name: 'Register' }).click();
    const secretDialog = page.getByRole('dialog', { name: `Signing secret of ${receiver.url}` });
    await expect.poll(() => secretDialog.isVisible()).toBe(true);
    const secret = await secretDialog.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await secretDialog.getByRole('button', { name: 'Copy the secret' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await web.shot('admin-webhook-secret');
    await secretDialog.getByRole('button', { name: 'Close' }).click();
    const row = page.getByRole('row').filter({ hasText: receiver.url });
    await expect.poll(() => row.textContent()).toContain('trade.paid, session.closed');

    // A test reaches the receiver, signed with that secret, and shows in the delivery log.
    await page.getByRole('button', { name: `Send a test to ${receiver.url}` }).click();
    await expect.poll(() => status(`The test reached ${receiver.url}`).count()).toBe(1);
    expect(receiver.hits).toHaveLength(1);
    expect(verifies(receiver.hits[0]!, secret)).toBe(true);
    const log = page.getByRole('table', { name: /^Latest deliveries/ });
    await expect.poll(() => log.getByRole('row').filter({ hasText: 'webhook.test' }).textContent()).toContain('Delivered');

    // Sent again from the log: the same webhook-id; a refusal says so and the log shows it retrying.
    receiver.plan.push(503);
    const deliveryId = Number((await log.getByRole('button', { name: /^Send delivery \d+ again$/ }).textContent())!.match(/\d+/)![0]);
    await log.getByRole('button', { name: `Send delivery ${deliveryId} again` }).click();
    await expect.poll(() => alert(/Sent again and refused \(HTTP 503/).count()).toBe(1);
    await expect.poll(() => log.getByRole('row').filter({ hasText: 'webhook.test' }).textContent()).toContain('Retrying');
    await expect.poll(() => receiver.hits.length, { timeout: 10_000 }).toBe(3);
    expect(new Set(receiver.hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    await page.getByRole('button', { name: 'Refresh the deliveries' }).click();
    await expect.poll(() => log.getByRole('row').filter({ hasText: 'webhook.test' }).textContent()).toContain('Delivered');
    await web.shot('admin-webhooks');

    // A new secret: shown once; the next request carries both signatures.
    await page.getByRole('button', { name: `New secret for ${receiver.url}` }).click();
    await expect.poll(() => secretDialog.isVisible()).toBe(true);
    const fresh = await secretDialog.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    await secretDialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: `Send a test to ${receiver.url}` }).click();
    await expect.poll(() => receiver.hits.length).toBe(4);
    expect([verifies(receiver.hits[3]!, secret), verifies(receiver.hits[3]!, fresh)]).toEqual([true, true]);

    // Edit: switched off, it can no longer be tested.
    await page.getByRole('button', { name: `Edit ${receiver.url}` }).click();
    await form.getByRole('checkbox', { name: 'Send events to it' }).uncheck();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent()).toContain('Off');
    expect(await page.getByRole('button', { name: `Send a test to ${receiver.url}` }).isDisabled()).toBe(true);

    // The same page in Chinese.
    const zh = await w.open('zh');
    await signIn(zh, w.url, 'merchant', merchant.userName, merchant.plain);
    await zh.page.goto(`${w.url}/admin/webhooks`);
    await expect.poll(() => zh.page.getByRole('heading', { level: 1 }).textContent()).toBe('Webhook');
    await expect.poll(() => zh.page.getByRole('row').filter({ hasText: receiver.url }).textContent()).toContain('关闭');
    await zh.shot('admin-webhooks');
    await zh.close();

    // A second endpoint with the same URL and description: each one's controls are told apart by its number.
    const first = (await w.t.gql('{ webhookEndpoints { items { id } } }', {}, merchant.token)).data.webhookEndpoints.items[0].id as number;
    const made = await w.t.gql(
      'mutation($input: WebhookEndpointCreateInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
      { input: { url: receiver.url, description: 'CRM', eventTypes: ['trade.paid'] } },
      merchant.token,
    );
    const second = made.data.createWebhookEndpoint.endpoint.id as number;
    await page.reload();
    for (const id of [first, second]) await expect.poll(() => page.getByRole('button', { name: `Edit ${receiver.url} (CRM) #${id}`, exact: true }).count()).toBe(1);

    // Deleted after a confirmation: the row and its log go.
    await page.getByRole('button', { name: `Delete ${receiver.url} (CRM) #${first}`, exact: true }).click();
    await page.getByRole('dialog', { name: `Delete ${receiver.url} (CRM) #${first}?` }).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: receiver.url }).count()).toBe(1);
    // Alone again, it is called by its URL and description.
    await expect.poll(() => page.getByRole('button', { name: `Edit ${receiver.url} (CRM)`, exact: true }).count()).toBe(1);
    expect((await w.t.gql('{ webhookEndpoints { items { id } } }', {}, merchant.token)).data.webhookEndpoints.items.map((e: { id: number }) => e.id)).toEqual([second]);
    await web.close();
  });
});
