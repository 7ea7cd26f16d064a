import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, loadSegmenter, searchText } from '../../src/services/knowledge/text-segmenter.js';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GUIDE = `# Lighthouse keepers

The last keeper died in 1962. Visitors climb the 120 steps on Sundays.

# Tours

Guided tours last forty minutes and start every hour.
`;

describe('search tokens follow the analyzer: chunks stored by an older one are rewritten at start', { timeout: 60_000 }, () => {
  let t: TestApp;
  let m: MerchantFixture;
  const rows = async (staffId: number) =>
    (await t.app.orm.em.fork().getConnection().execute('select heading, content, search_heading, search_text, analyzer_version from knowledge_chunk where staff_id = ? order by id', [staffId])) as {
      heading: string;
      content: string;
      search_heading: string;
      search_text: string;
      analyzer_version: number;
    }[];
  const ask = async (staffId: number, q: string) => (await t.gql('query($id: Int!, $q: String!) { askStaff(staffId: $id, question: $q) { grounded text } }', { id: staffId, q }, m.token)).data.askStaff;

  beforeAll(async () => {
    loadSegmenter();
    t = await startTestApp();
    m = await createMerchant(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("rewrites another analyzer's tokens from the stored text, so questions meet them again; new chunks carry the current version", async () => {
    const staffId = await createStaff(t, m.token);
    await addDocument(t, m.token, staffId, 'lighthouse.md', GUIDE);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, m.token);
    await waitForSync(t, m.token, staffId);
    const fresh = await rows(staffId);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.analyzer_version === ANALYZER_VERSION)).toBe(true);
    expect((await ask(staffId, 'How long do the guided tours last?')).grounded).toBe(true);

    // As an older analyzer left them: tokens that no question of today's analyzer meets.
    await t.app.orm.em.fork().getConnection().execute(`update knowledge_chunk set search_heading = '', search_text = 'zzold', analyzer_version = 1 where staff_id = ?`, [staffId]);
    expect((await ask(staffId, 'How long do the guided tours last?')).grounded).toBe(false);

    await t.app.services.reanalysis.queueIfStale();
    await expect.poll(async () => (await rows(staffId)).every((r) => r.analyzer_version === ANALYZER_VERSION), { timeout: 15_000 }).toBe(true);
    for (const r of await rows(staffId)) {
      expect(r.search_text).toBe(searchText(r.content));
      expect(r.search_heading).toBe(searchText(r.heading));
    }
    const answer = await ask(staffId, 'How long do the guided tours last?');
    expect(answer.grounded).toBe(true);
    expect(answer.text).toContain('forty minutes');
    // Nothing stale left: nothing is queued again.
    expect(await t.app.services.reanalysis.batch()).toBe(0);
  });
});
