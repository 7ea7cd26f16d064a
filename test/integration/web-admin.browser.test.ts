import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createStaff, md5 } from '../support/factories.js';
import { addDocument } from '../support/knowledge.js';
import { expectNamedControls, signIn, startWebApp, webMerchant, type WebApp, type WebPage } from '../support/web-app.js';

const POLICY = `# Opening hours

The shop is open from 9 am to 6 pm on weekdays. On Saturdays it opens at 10 am.

# Returns

You can return any item within thirty days of delivery.
`;
const SECRET = 'wechat-gateway-secret';

/** Holds the page's next GraphQL request of `operation` until the returned function is called. */
async function holdOperation(web: WebPage, operation: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let sent: Promise<void> | undefined;
  const handler = async (route: Route) => {
    if (sent || !(route.request().postData() ?? '').includes(`"operationName":"${operation}"`)) return route.fallback();
    sent = released.then(() => route.continue());
    await sent;
  };
  await web.page.route('**/graphql', handler);
  return async () => {
    release();
    await sent;
    // Only once it went on: a handler removed while it waits lets the request through unheld.
    await web.page.unroute('**/graphql', handler);
  };
}

/** Drops a file on the element as a browser drag and drop does (a DataTransfer holding a File). */
async function dropFile(web: WebPage, zone: string, name: string, text: string, type: string) {
  const dataTransfer = await web.page.evaluateHandle(
    ({ name, text, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      return dt;
    },
    { name, text, type },
  );
  await web.page.getByRole('region', { name: zone }).dispatchEvent('drop', { dataTransfer });
}

describe('the merchant admin in the browser', { timeout: 90_000 }, () => {
  let w: WebApp;
  let receiver: Awaited<ReturnType<typeof startGatewayReceiver>>;
  let moved: Awaited<ReturnType<typeof startGatewayReceiver>>;
  beforeAll(async () => {
    [w, receiver, moved] = await Promise.all([startWebApp({ CHANNEL_RETRY_BASE_MS: '200', CHANNEL_RETRY_MAX_SECONDS: '1', CHANNEL_POLL_MS: '50' }), startGatewayReceiver([503]), startGatewayReceiver()]);
  });
  afterAll(async () => {
    await w?.close();
    await receiver?.close();
    await moved?.close();
  });

  it('creates a staff, uploads a document to ready, tries the staff, sets hours, an agent, a channel and canned replies (en), then shows each screen in zh', async () => {
    const merchant = await webMerchant(w.t);
    const web = await w.open('en');
    const { page } = web;
    await web.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: w.url });
    const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
    const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);

    // Staff: create.
    await page.getByRole('link', { name: 'Create staff' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Organisation' }).fill('Acme Shop');
    await page.getByRole('textbox', { name: 'Greeting' }).fill('Hello, I am Ada. How can I help?');
    await page.getByRole('combobox', { name: 'Reply language' }).selectOption('ENGLISH');
    await page.getByRole('button', { name: 'Create staff' }).click();
    await page.waitForURL(/\/admin\/staff\/\d+$/);
    const staffId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(h1).toBe('Staff: Ada');

    // Knowledge: drop a document and watch it reach ready; an unsupported file is refused in words.
    await page.getByRole('main').getByRole('link', { name: 'Knowledge' }).click();
    await page.waitForURL(/\/admin\/knowledge\?staff=\d+/);
    await dropFile(web, 'Upload documents', 'opening-hours.md', POLICY, 'text/markdown');
    await dropFile(web, 'Upload documents', 'setup.exe', 'MZ', 'application/octet-stream');
    const row = page.getByRole('row').filter({ hasText: 'opening-hours.md' });
    await expect.poll(() => row.getByRole('cell').nth(2).textContent(), { timeout: 20_000 }).toContain('Ready');
    expect(await page.getByRole('progressbar', { name: 'Sync of opening-hours.md' }).getAttribute('value')).toBe('100');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'setup.exe' }).textContent()).toMatch(/setup\.exe was not uploaded: .*Unsupported file type "\.exe"/);
    // An FAQ entry, answered at once.
    await page.getByRole('textbox', { name: 'Question' }).fill('Do you ship abroad?');
    await page.getByRole('textbox', { name: 'Answer' }).fill('Yes, we ship to every country in the EU within a week.');
    await page.getByRole('button', { name: 'Add the entry' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Questions with a set answer' }).textContent()).toContain('Do you ship abroad');
    // Deleting an entry asks first; confirmed, it goes from the list.
    const faqTable = page.getByRole('table', { name: 'Questions with a set answer' });
    // The entry can show (from its sync event) before the save answers and clears the form.
    await expect.poll(() => page.getByRole('textbox', { name: 'Question' }).inputValue()).toBe('');
    await page.getByRole('textbox', { name: 'Question' }).fill('Is there parking?');
    await page.getByRole('textbox', { name: 'Answer' }).fill('Yes, behind the shop.');
    await page.getByRole('button', { name: 'Add the entry' }).click();
    await expect.poll(() => faqTable.textContent()).toContain('Is there parking');
    await page.getByRole('button', { name: 'Delete “Is there parking”' }).click();
    await page.getByRole('dialog', { name: 'Delete “Is there parking”?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => faqTable.textContent()).not.toContain('Is there parking');
    expect(await faqTable.textContent()).toContain('Do you ship abroad');
    await web.shot('admin-knowledge');

    // The try-out pane answers from the document; the launcher snippet is copied.
    await page.goto(`${w.url}/admin/staff/${staffId}`);
    await page.getByRole('textbox', { name: 'Your question' }).fill('When is the shop open on weekdays?');
    await page.getByRole('button', { name: 'Ask' }).click();
    const log = page.getByRole('list', { name: 'Try-out conversation' });
    await expect.poll(() => log.textContent(), { timeout: 15_000 }).toMatch(/9 am to 6 pm[\s\S]*From: opening-hours\.md/);
    await page.getByRole('button', { name: 'Copy the launcher snippet' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<script src="http[^"]+\/widget\.js" data-serial="[^"]+"><\/script>$/);

    // Business hours: weekdays, closing at 17:30.
    await page.getByRole('checkbox', { name: 'Agents are always available' }).uncheck();
    await page.getByRole('textbox', { name: /^Time zone/ }).fill('Asia/Shanghai');
    await page.getByRole('textbox', { name: 'Closes (opening 1)' }).fill('17:30');
    await page.getByRole('button', { name: 'Save business hours' }).click();
    await expect.poll(() => status('Business hours saved').count()).toBe(1);
    const hours = await w.t.gql('query($id: Int!) { staff(id: $id) { businessHours { timeZone weekly { day open close } } } }', { id: staffId }, merchant.token);
    expect(hours.data.staff.businessHours.timeZone).toBe('Asia/Shanghai');
    expect(hours.data.staff.businessHours.weekly[0]).toEqual({ day: 1, open: '09:00', close: '17:30' });
    await web.shot('admin-staff');

    // The staff list: freeze and unfreeze; delete another staff after confirming.
    await createStaff(w.t, merchant.token, { name: 'Old' });
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await page.getByRole('button', { name: 'Delete Old' }).click();
    await page.getByRole('dialog', { name: 'Delete Old?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Delete Old' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Freeze Ada', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Ada' }).textContent()).toContain('Frozen');
    await page.getByRole('button', { name: 'Unfreeze Ada' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Freeze Ada', exact: true }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Ada' }).textContent()).not.toContain('Frozen');
    await web.shot('admin-staff-list');

    // Agents: create one serving Ada; it signs in with the typed password.
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('button', { name: 'Create agent' }).click();
    const agentForm = page.getByRole('form', { name: 'Agent' });
    await agentForm.getByRole('textbox', { name: 'Name', exact: true }).fill('Bo');
    await agentForm.getByRole('textbox', { name: 'User name' }).fill(`bo-${merchant.userName}`);
    await agentForm.getByLabel('Password').fill('agent-pass-1');
    await agentForm.getByRole('checkbox', { name: 'Ada' }).check();
    await agentForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Bo' }).textContent()).toContain('Ada');
    const agentLogin = await w.t.gql('mutation($i: LoginInput!) { agentLogin(input: $i) { token agent { name } } }', { i: { userName: `bo-${merchant.userName}`, password: md5('agent-pass-1') } });
    expect(agentLogin.data.agentLogin.agent.name).toBe('Bo');
    // Its status follows presence live.
    expect((await w.t.gql('mutation { setAgentStatus(status: BUSY) { status } }', {}, agentLogin.data.agentLogin.token)).errors).toBeUndefined();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Bo' }).textContent()).toContain('Busy');
    // Bo in its own browser: going online and signing out show in the merchant's list as they happen.
    const bo = await w.open('en');
    await signIn(bo, w.url, 'agent', `bo-${merchant.userName}`, 'agent-pass-1');
    await bo.page.getByRole('combobox', { name: 'My status' }).selectOption('ONLINE');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Bo' }).textContent()).toContain('Online');
    await bo.page.getByRole('button', { name: 'Sign out' }).click();
    await bo.page.waitForURL((u) => u.pathname === '/login');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Bo' }).textContent()).toContain('Offline');
    await bo.close();
    expect((await w.t.gql('{ agents { items { name staffIds } } }', {}, merchant.token)).data.agents.items).toEqual([{ name: 'Bo', staffIds: [staffId] }]);
    await web.shot('admin-agents');

    // Channels: connect a gateway account; a reply to it is refused once, then delivered, shown live.
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('button', { name: 'Connect a channel' }).click();
    const channelForm = page.getByRole('form', { name: 'Channel' });
    await channelForm.getByRole('textbox', { name: 'Account id' }).fill('wx-acme');
    await channelForm.getByLabel('Secret').fill(SECRET);
    await channelForm.getByRole('textbox', { name: /^Outbound URL/ }).fill(receiver.url);
    await channelForm.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'wx-acme' }).count()).toBe(1);
    const channelRow = page.getByRole('row').filter({ hasText: 'wx-acme' });
    expect(await channelRow.textContent()).toContain('No replies yet');
    const inbound = await postGatewayCallback(w.url, 'wechat', SECRET, {
      account_id: 'wx-acme',
      msg_id: 'wx-m-1',
      user_id: 'wx-user-1',
      nickname: 'Mia',
      msg_type: 'text',
      content: 'When is the shop open on weekdays?',
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect(inbound.status).toBe(200);
    const deliveries = page.getByRole('table', { name: 'Delivery attempts since this page opened' });
    await expect.poll(() => deliveries.textContent(), { timeout: 15_000 }).toContain('Delivered');
    expect(receiver.requests.length).toBe(2);
    // The channel's own delivery state follows without a reload.
    await expect.poll(() => channelRow.textContent()).toContain('Last reply: Delivered');
    expect(await channelRow.textContent()).not.toMatch(/being retried|failed/);
    await web.shot('admin-channels');

    // Edit: replies go to a new address; the secret, left empty, is kept (the old one still signs callbacks).
    await page.getByRole('button', { name: 'Edit channel wx-acme' }).click();
    const editForm = page.getByRole('form', { name: 'Channel' });
    expect(await editForm.getByRole('textbox', { name: 'Account id' }).inputValue()).toBe('wx-acme');
    expect(await editForm.getByLabel('Secret').inputValue()).toBe('');
    await editForm.getByRole('textbox', { name: /^Outbound URL/ }).fill(moved.url);
    await editForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'wx-acme' }).textContent()).toContain(moved.url);
    await web.shot('admin-channel-edited');
    const again = await postGatewayCallback(w.url, 'wechat', SECRET, {
      account_id: 'wx-acme',
      msg_id: 'wx-m-2',
      user_id: 'wx-user-1',
      nickname: 'Mia',
      msg_type: 'text',
      content: 'Can I return an item?',
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect(again.status).toBe(200);
    await expect.poll(() => moved.requests.length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => deliveries.getByRole('cell', { name: 'Delivered' }).count()).toBe(2);
    expect(receiver.requests.length).toBe(2);

    // Delete, after a confirmation: the row goes, and so does the account.
    await page.getByRole('button', { name: 'Delete channel wx-acme' }).click();
    const confirmDelete = page.getByRole('dialog', { name: 'Delete channel wx-acme?' });
    await confirmDelete.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('row').filter({ hasText: 'wx-acme' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete channel wx-acme' }).click();
    await confirmDelete.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'wx-acme' }).count()).toBe(0);
    expect((await w.t.gql('{ channels { total } }', {}, merchant.token)).data.channels.total).toBe(0);

    // Canned replies: create one, then edit its text.
    await page.getByRole('link', { name: 'Canned replies' }).click();
    await page.getByRole('button', { name: 'New canned reply' }).click();
    const cannedForm = page.getByRole('form', { name: 'Canned reply' });
    await cannedForm.getByRole('textbox', { name: 'Shortcut' }).fill('/hours');
    await cannedForm.getByRole('textbox', { name: 'Title' }).fill('Opening hours');
    await cannedForm.getByRole('textbox', { name: 'Text' }).fill('We are open 9 to 6.');
    await cannedForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit /hours' }).click();
    await cannedForm.getByRole('textbox', { name: 'Text' }).fill('We are open from 9 am to 5:30 pm on weekdays.');
    await cannedForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '/hours' }).textContent()).toContain('5:30 pm');
    await web.shot('admin-canned-replies');
    // Deleting asks first: closing the question keeps the reply; confirming removes it.
    await page.getByRole('button', { name: 'New canned reply' }).click();
    await cannedForm.getByRole('textbox', { name: 'Shortcut' }).fill('/bye');
    await cannedForm.getByRole('textbox', { name: 'Title' }).fill('Goodbye');
    await cannedForm.getByRole('textbox', { name: 'Text' }).fill('Thanks for writing, goodbye.');
    await cannedForm.getByRole('button', { name: 'Save' }).click();
    const askDelete = page.getByRole('dialog', { name: 'Delete /bye?' });
    await page.getByRole('button', { name: 'Delete /bye' }).click();
    expect(await askDelete.textContent()).toContain('Agents can no longer send it by its shortcut.');
    await askDelete.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('row').filter({ hasText: '/bye' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete /bye' }).click();
    await askDelete.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '/bye' }).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: '/hours' }).count()).toBe(1);
    await web.close();

    // The same screens in Chinese (with a channel to show).
    const channel = await w.t.gql('mutation($i: ChannelCreateInput!) { createChannel(input: $i) { id } }', { i: { channelType: 'JD', staffId, accountId: 'jd-acme', secret: SECRET, outboundUrl: moved.url } }, merchant.token);
    expect(channel.errors).toBeUndefined();
    const zh = await w.open('zh');
    await signIn(zh, w.url, 'merchant', merchant.userName, merchant.plain);
    const screens: [string, string, string][] = [
      ['/admin', '商户后台', 'admin-staff-list'],
      [`/admin/staff/${staffId}`, '员工：Ada', 'admin-staff'],
      [`/admin/knowledge?staff=${staffId}`, '知识库', 'admin-knowledge'],
      ['/admin/agents', '人工客服', 'admin-agents'],
      ['/admin/channels', '渠道', 'admin-channels'],
      ['/admin/canned-replies', '快捷回复', 'admin-canned-replies'],
    ];
    for (const [path, title, shot] of screens) {
      await zh.page.goto(`${w.url}${path}`);
      await expect.poll(() => zh.page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      await expect.poll(() => zh.page.getByRole('status').filter({ hasText: '加载中' }).count()).toBe(0);
      // Every control has an accessible name (shot checks it).
      await zh.shot(shot);
    }
    expect(await zh.page.getByRole('button', { name: '编辑 /hours' }).count()).toBe(1);
    await zh.close();
  });
  it('edits an FAQ entry: Edit loads its saved answer, saving replaces the entry, and a question typed while the save is in flight stays', async () => {
    const merchant = await webMerchant(w.t);
    const staffId = await createStaff(w.t, merchant.token, { name: 'Faye' });
    const save = 'mutation($id: Int!, $q: String!, $a: String!) { saveFaqEntry(staffId: $id, question: $q, answer: $a) { id } }';
    const old = (await w.t.gql(save, { id: staffId, q: 'Do you gift-wrap?', a: 'Yes, for 2 euros a parcel:\n- paper\n- ribbon' }, merchant.token)).data.saveFaqEntry;
    // Named like an entry, so listed as one, but an upload: its answer cannot be loaded.
    await addDocument(w.t, merchant.token, staffId, 'FAQ Opening hours.txt', 'We open at 9.');
    const web = await w.open('en');
    const { page } = web;
    await signIn(web, w.url, 'merchant', merchant.userName, merchant.plain);
    await page.goto(`${w.url}/admin/knowledge?staff=${staffId}`);
    const faqTable = page.getByRole('table', { name: 'Questions with a set answer' });
    await expect.poll(() => faqTable.textContent()).toMatch(/Do you gift-wrap[\s\S]*Opening hours/);
    const question = page.getByRole('textbox', { name: 'Question' });
    const answer = page.getByRole('textbox', { name: 'Answer' });

    await page.getByRole('button', { name: 'Edit “Opening hours”' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The current answer could not be loaded' }).textContent()).toContain(
      'is not an FAQ entry',
    );
    expect(await answer.inputValue()).toBe('');
    expect(await answer.isEnabled()).toBe(true);
    await expectNamedControls(web, 'FAQ edit, load failed');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'The current answer could not be loaded' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'New FAQ entry' }).count()).toBe(1);

    // While the entry loads the form says so and waits; then it holds the saved question (with its "?") and answer.
    const releaseLoad = await holdOperation(web, 'AdminFaqEntry');
    await page.getByRole('button', { name: 'Edit “Do you gift-wrap”' }).click();
    const loadingLine = page.getByRole('status').filter({ hasText: 'Loading the entry’s current answer' });
    await expect.poll(() => loadingLine.count()).toBe(1);
    const editForm = page.getByRole('form', { name: 'Edit FAQ entry' });
    expect(await editForm.getAttribute('aria-busy')).toBe('true');
    expect(await answer.isDisabled()).toBe(true);
    await expectNamedControls(web, 'FAQ edit, loading');
    await releaseLoad();
    await expect.poll(() => answer.inputValue()).toBe('Yes, for 2 euros a parcel:\n- paper\n- ribbon');
    expect(await question.inputValue()).toBe('Do you gift-wrap?');
    expect(await loadingLine.count()).toBe(0);
    expect(await editForm.getAttribute('aria-busy')).toBe('false');

    // Held in flight, the save lets the next question be typed; its answer clears only what it sent.
    // The answer is typed in lines, and saved so.
    await answer.fill('Yes, free of charge.\nAny paper you like.');
    const releaseSave = await holdOperation(web, 'AdminSaveFaq');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await question.fill('Do you deliver on Sundays?');
    await releaseSave();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'FAQ entry saved' }).count()).toBe(1);
    expect(await question.inputValue()).toBe('Do you deliver on Sundays?');
    expect(await answer.inputValue()).toBe('');
    expect(await page.getByRole('form', { name: 'New FAQ entry' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Edit “Do you gift-wrap”' }).count()).toBe(1);

    const docs = (await w.t.gql('query($id: Int!) { documents(staffId: $id) { items { id fileName } } }', { id: staffId }, merchant.token)).data.documents.items;
    const entries = docs.filter((d: { fileName: string }) => d.fileName === 'FAQ Do you gift-wrap.txt');
    expect(entries).toHaveLength(1);
    expect(entries[0].id).not.toBe(old.id);
    const read = 'query($id: Int!, $doc: Int!) { faqEntry(staffId: $id, documentId: $doc) { question answer } }';
    expect((await w.t.gql(read, { id: staffId, doc: entries[0].id }, merchant.token)).data.faqEntry).toEqual({ question: 'Do you gift-wrap?', answer: 'Yes, free of charge.\nAny paper you like.' });
    await web.close();
  });
});
