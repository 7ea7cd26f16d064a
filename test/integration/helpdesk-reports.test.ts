import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaff, type AgentFixture, type MerchantFixture } from '../support/factories.js';
import { insertConversation, type ScriptedConversation } from '../support/helpdesk-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = new Date('2026-11-30T00:00:00Z');
const hour = (h: number, m = 0) => new Date(DAY.getTime() + (h * 60 + m) * 60_000);

const FIELDS = 'conversations aiOnly aiOnlyRate handedOff handoffRate handoffReasons { reason count } avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount';

const REPORT = `query($i: ReportInput!) { helpdeskReport(input: $i) {
  timeZone
  total { ...F }
  byStaff { id name ...R }
  byAgent { id name ...R }
  byDay { day ...D }
  busiestHours { hour conversations contactMessages }
} }
fragment F on ReportFigures { ${FIELDS} }
fragment R on ReportRow { ${FIELDS} }
fragment D on ReportDay { ${FIELDS} }`;

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
const rate = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);

/** The figures the report must give, computed here from the script itself. */
function expected(day: ScriptedConversation[]) {
  const handed = day.filter((c) => c.handoff || c.accept);
  const reasons = new Map<string, number>();
  for (const c of handed) {
    const r = c.handoff?.reason ?? 'taken_over';
    reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  const csat = day.filter((c) => c.csat !== undefined).map((c) => c.csat!);
  return {
    conversations: day.length,
    aiOnly: day.length - handed.length,
    aiOnlyRate: rate(day.length - handed.length, day.length),
    handedOff: handed.length,
    handoffRate: rate(handed.length, day.length),
    handoffReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    avgQueueWaitSeconds: mean(day.filter((c) => c.handoff && c.accept).map((c) => c.accept!.at - c.handoff!.at)),
    avgFirstResponseSeconds: mean(day.filter((c) => c.accept && c.agentRepliesAt?.length).map((c) => c.agentRepliesAt![0]! - (c.handoff?.at ?? c.accept!.at))),
    avgResolutionSeconds: mean(day.filter((c) => c.closeAt !== undefined).map((c) => c.closeAt!)),
    csatAverage: mean(csat),
    csatCount: csat.length,
  };
}

describe('helpdesk reports over a scripted day', () => {
  let t: TestApp;
  let m: MerchantFixture;
  let stranger: MerchantFixture;
  let s1: number;
  let s2: number;
  let a1: AgentFixture;
  let a2: AgentFixture;
  let day: ScriptedConversation[];

  beforeAll(async () => {
    t = await startTestApp();
    m = await createMerchant(t);
    stranger = await createMerchant(t);
    s1 = await createStaff(t, m.token, { name: 'Sales' });
    s2 = await createStaff(t, m.token, { name: 'Support' });
    a1 = await createAgent(t, m.token, [s1, s2], { name: 'Ann' });
    a2 = await createAgent(t, m.token, [s1], { name: 'Bo' });
    const base = { merchantId: m.id };
    day = [
      // The AI alone.
      { ...base, staffId: s1, start: hour(9, 5), contactAt: [0, 60] },
      { ...base, staffId: s1, start: hour(9, 40), contactAt: [0], closeAt: 300 },
      { ...base, staffId: s2, start: hour(14, 10), contactAt: [0, 20, 40] },
      // Handed off, waited, answered, closed and rated.
      { ...base, staffId: s1, start: hour(9, 20), contactAt: [0, 30], handoff: { reason: 'requested', at: 31 }, accept: { agentId: a1.id, at: 91 }, agentRepliesAt: [101, 200], closeAt: 600, csat: 5 },
      { ...base, staffId: s1, start: hour(10, 0), contactAt: [0], handoff: { reason: 'low_confidence', at: 6 }, accept: { agentId: a2.id, at: 186 }, agentRepliesAt: [216], closeAt: 900, csat: 3 },
      { ...base, staffId: s2, start: hour(14, 30), contactAt: [0, 10], handoff: { reason: 'requested', at: 11 }, accept: { agentId: a1.id, at: 71 }, agentRepliesAt: [76], closeAt: 1200, csat: 4 },
      { ...base, staffId: s1, start: hour(14, 45), contactAt: [0], handoff: { reason: 'requested', at: 1 }, accept: { agentId: a2.id, at: 301 }, agentRepliesAt: [331], closeAt: 1801 },
      // Taken over from the AI by an agent.
      { ...base, staffId: s2, start: hour(16, 0), contactAt: [0, 40], accept: { agentId: a1.id, at: 50 }, agentRepliesAt: [62], closeAt: 400, csat: 2 },
      // Still waiting at the end of the day.
      { ...base, staffId: s1, start: hour(23, 50), contactAt: [0], handoff: { reason: 'human_first', at: 1 } },
    ];
    for (const c of day) await insertConversation(t, c);
    // Outside the period, and another tenant's: neither counts.
    await insertConversation(t, { ...base, staffId: s1, start: new Date(DAY.getTime() - 60_000), contactAt: [0], handoff: { reason: 'requested', at: 1 } });
    await insertConversation(t, { ...base, staffId: s1, start: new Date(DAY.getTime() + 86_400_000), contactAt: [0] });
    const foreignStaff = await createStaff(t, stranger.token);
    await insertConversation(t, { merchantId: stranger.id, staffId: foreignStaff, start: hour(9, 0), contactAt: [0], csat: 1, closeAt: 10 });
  });
  afterAll(() => t?.close());

  const period = { from: DAY.toISOString(), to: new Date(DAY.getTime() + 86_400_000).toISOString(), timeZone: 'UTC' };

  it('gives the totals, per staff and per agent, that the script implies', async () => {
    const res = await t.gql(REPORT, { i: period }, m.token);
    expect(res.errors).toBeUndefined();
    const r = res.data.helpdeskReport;
    expect(r.timeZone).toBe('UTC');
    expect(r.total).toEqual(expected(day));
    expect(r.byStaff).toEqual([
      { id: s1, name: 'Sales', ...expected(day.filter((c) => c.staffId === s1)) },
      { id: s2, name: 'Support', ...expected(day.filter((c) => c.staffId === s2)) },
    ]);
    expect(r.byAgent).toEqual([
      { id: a1.id, name: 'Ann', ...expected(day.filter((c) => c.accept?.agentId === a1.id)) },
      { id: a2.id, name: 'Bo', ...expected(day.filter((c) => c.accept?.agentId === a2.id)) },
    ]);
    // Sanity of the script itself: the figures are not trivial.
    expect(r.total).toMatchObject({ conversations: 9, aiOnly: 3, handedOff: 6, csatCount: 4, csatAverage: 3.5 });
  });

  it('finds the busiest hours, in the time zone asked for', async () => {
    const byHour = new Map<number, { conversations: number; contactMessages: number }>();
    for (const c of day) {
      const h = byHour.get(c.start.getUTCHours()) ?? { conversations: 0, contactMessages: 0 };
      h.conversations += 1;
      h.contactMessages += c.contactAt.length;
      byHour.set(c.start.getUTCHours(), h);
    }
    const want = [...byHour]
      .map(([h, v]) => ({ hour: h, ...v }))
      .sort((a, b) => b.conversations - a.conversations || b.contactMessages - a.contactMessages || a.hour - b.hour);
    const utc = (await t.gql(REPORT, { i: period }, m.token)).data.helpdeskReport.busiestHours;
    expect(utc).toEqual(want);
    expect(utc[0]).toEqual({ hour: 14, conversations: 3, contactMessages: 6 });
    const shanghai = (await t.gql(REPORT, { i: { ...period, timeZone: 'Asia/Shanghai' } }, m.token)).data.helpdeskReport.busiestHours;
    expect(shanghai[0]).toEqual({ hour: 22, conversations: 3, contactMessages: 6 });
  });

  it('gives the figures per day, in the time zone asked for', async () => {
    const utc = (await t.gql(REPORT, { i: period }, m.token)).data.helpdeskReport.byDay;
    expect(utc).toEqual([{ day: '2026-11-30', ...expected(day) }]);
    // Shanghai is UTC+8: sessions from 16:00 UTC belong to the next local day.
    const shanghai = (await t.gql(REPORT, { i: { ...period, timeZone: 'Asia/Shanghai' } }, m.token)).data.helpdeskReport.byDay;
    const early = day.filter((c) => c.start.getUTCHours() < 16);
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(day.length);
    expect(shanghai).toEqual([
      { day: '2026-11-30', ...expected(early) },
      { day: '2026-12-01', ...expected(day.filter((c) => c.start.getUTCHours() >= 16)) },
    ]);
  });

  it('narrows to one staff, and refuses agents, other tenants’ staff and bad periods', async () => {
    const one = await t.gql(REPORT, { i: { ...period, staffId: s2 } }, m.token);
    expect(one.data.helpdeskReport.total).toEqual(expected(day.filter((c) => c.staffId === s2)));
    const code = (res: any) => res.errors?.[0]?.extensions?.code;
    expect(code(await t.gql(REPORT, { i: period }, a1.token))).toBe('FORBIDDEN');
    expect(code(await t.gql(REPORT, { i: period }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(REPORT, { i: { ...period, staffId: s1 } }, stranger.token))).toBe('NOT_FOUND');
    expect(code(await t.gql(REPORT, { i: { ...period, from: period.to, to: period.from } }, m.token))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(REPORT, { i: { ...period, timeZone: 'Mars/Olympus' } }, m.token))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(REPORT, { i: { ...period, from: '2024-01-01T00:00:00Z' } }, m.token))).toBe('BAD_USER_INPUT');
    // The other tenant sees only its own conversation.
    const theirs = (await t.gql(REPORT, { i: period }, stranger.token)).data.helpdeskReport.total;
    expect(theirs).toMatchObject({ conversations: 1, aiOnly: 1, csatAverage: 1, csatCount: 1 });
  });

  it('exports the same figures as CSV to the merchant', async () => {
    const url = `${t.url}/api/v1/reports.csv?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}&timeZone=UTC`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${m.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('scope,id,name,conversations,ai_only,ai_only_rate,handed_off,handoff_rate,handoff_reasons,avg_queue_wait_seconds,avg_first_response_seconds,avg_resolution_seconds,csat_average,csat_count,contact_messages');
    const e = expected(day);
    expect(lines[1]).toBe(
      ['total', '', '', e.conversations, e.aiOnly, e.aiOnlyRate, e.handedOff, e.handoffRate, e.handoffReasons.map((x) => `${x.reason}=${x.count}`).join(';'), e.avgQueueWaitSeconds, e.avgFirstResponseSeconds, e.avgResolutionSeconds, e.csatAverage, e.csatCount, ''].join(','),
    );
    expect(lines.filter((l) => l.startsWith('staff,'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('agent,'))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('hour,14,'))).toBe('hour,14,,3,,,,,,,,,,,6');

    expect((await fetch(url)).status).toBe(401);
    const agentRes = await fetch(url, { headers: { authorization: `Bearer ${a1.token}` } });
    expect(agentRes.status).toBe(403);
    const bad = await fetch(`${t.url}/api/v1/reports.csv?from=yesterday&to=${encodeURIComponent(period.to)}`, { headers: { 'auth-token': m.token } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).header.code).toBe(1003);
  });
});
