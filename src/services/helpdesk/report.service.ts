import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { Agent } from '../../entities/agent/agent.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';

const MAX_DAYS = 366;

const periodSchema = z
  .object({
    from: z.date('from must be a date-time'),
    to: z.date('to must be a date-time'),
    staffId: z.number().int().positive('staffId must be a staff id').optional(),
    timeZone: z
      .string()
      .trim()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'timeZone must be an IANA time zone such as Asia/Shanghai')
      .optional(),
  })
  .refine((p) => p.from < p.to, 'from must be before to')
  .refine((p) => p.to.getTime() - p.from.getTime() <= MAX_DAYS * 86_400_000, `the period must be at most ${MAX_DAYS} days`);

export type ReportInput = z.input<typeof periodSchema>;

export interface ReportFigures {
  conversations: number;
  /** Sessions no person ever took: the AI alone answered them. */
  aiOnly: number;
  aiOnlyRate: number;
  handedOff: number;
  handoffRate: number;
  handoffReasons: { reason: string; count: number }[];
  /** Seconds from entering the queue to an agent accepting. */
  avgQueueWaitSeconds: number | null;
  /** Seconds from entering the queue (or the takeover) to the agent's first message. */
  avgFirstResponseSeconds: number | null;
  /** Seconds from the first message to the close, for closed sessions. */
  avgResolutionSeconds: number | null;
  csatAverage: number | null;
  csatCount: number;
}

export interface ReportRow extends ReportFigures {
  id: number;
  name: string;
}

export interface ReportDay extends ReportFigures {
  /** YYYY-MM-DD in the report's time zone. */
  day: string;
}

export interface BusyHour {
  /** 0–23 in the report's time zone. */
  hour: number;
  conversations: number;
  contactMessages: number;
}

export interface Report {
  from: Date;
  to: Date;
  timeZone: string;
  total: ReportFigures;
  byStaff: ReportRow[];
  byAgent: ReportRow[];
  /** Days with sessions, in order: the volume and quality over time. */
  byDay: ReportDay[];
  /** Hours with any activity, busiest first. */
  busiestHours: BusyHour[];
}

interface FigureRow {
  g_staff: number;
  g_agent: number;
  g_day: number;
  staff_id: number | null;
  agent_id: number | null;
  day: string | null;
  conversations: number;
  ai_only: number;
  handed_off: number;
  avg_wait: number | null;
  avg_first_response: number | null;
  avg_resolution: number | null;
  csat_avg: number | null;
  csat_count: number;
}

interface ReasonRow {
  g_staff: number;
  g_agent: number;
  g_day: number;
  staff_id: number | null;
  agent_id: number | null;
  day: string | null;
  reason: string;
  count: number;
}

// One pass over the period's sessions, grouped four ways at once: all, per staff, per agent (the agent that
// holds or last held the session), per day in the report's time zone. The first agent message is looked up
// per session by its index.
const FIGURES_SQL = `
with s as (
  select s.id, s.staff_id, s.agent_id, s.handoff_reason, s.queued_at, s.accepted_at, s.closed_at, s.created_at, s.csat_score,
    to_char(s.created_at at time zone ?, 'YYYY-MM-DD') as day,
    (select min(m.created_at) from message m
      where m.session_id = s.id and m.sender_type = 'agent' and m.created_at >= coalesce(s.queued_at, s.accepted_at)) as first_agent_at
  from session s
  where s.merchant_id = ? and s.created_at >= ? and s.created_at < ? and (?::int is null or s.staff_id = ?::int)
)
select grouping(staff_id) as g_staff, grouping(agent_id) as g_agent, grouping(day) as g_day, staff_id, agent_id, day,
  count(*)::int as conversations,
  (count(*) filter (where handoff_reason is null and agent_id is null))::int as ai_only,
  (count(*) filter (where handoff_reason is not null))::int as handed_off,
  (avg(extract(epoch from accepted_at - queued_at)) filter (where accepted_at >= queued_at))::float8 as avg_wait,
  (avg(extract(epoch from first_agent_at - coalesce(queued_at, accepted_at))) filter (where first_agent_at is not null))::float8 as avg_first_response,
  (avg(extract(epoch from closed_at - created_at)) filter (where closed_at is not null))::float8 as avg_resolution,
  avg(csat_score)::float8 as csat_avg,
  count(csat_score)::int as csat_count
from s
group by grouping sets ((), (staff_id), (agent_id), (day))`;

const REASONS_SQL = `
with s as (
  select staff_id, agent_id, handoff_reason, to_char(created_at at time zone ?, 'YYYY-MM-DD') as day
  from session
  where merchant_id = ? and created_at >= ? and created_at < ? and (?::int is null or staff_id = ?::int) and handoff_reason is not null
)
select grouping(staff_id) as g_staff, grouping(agent_id) as g_agent, grouping(day) as g_day, staff_id, agent_id, day,
  handoff_reason as reason, count(*)::int as count
from s
group by grouping sets ((handoff_reason), (staff_id, handoff_reason), (agent_id, handoff_reason), (day, handoff_reason))
order by count desc, reason`;

const HOURS_SQL = `
with c as (
  select extract(hour from created_at at time zone ?)::int as hour, count(*)::int as n from session
  where merchant_id = ? and created_at >= ? and created_at < ? and (?::int is null or staff_id = ?::int) group by 1
), m as (
  select extract(hour from m.created_at at time zone ?)::int as hour, count(*)::int as n from message m join session s on s.id = m.session_id
  where m.merchant_id = ? and m.sender_type = 'contact' and m.created_at >= ? and m.created_at < ? and (?::int is null or s.staff_id = ?::int) group by 1
)
select coalesce(c.hour, m.hour) as hour, coalesce(c.n, 0) as conversations, coalesce(m.n, 0) as contact_messages
from c full join m on m.hour = c.hour
order by conversations desc, contact_messages desc, hour`;

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);
const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** A merchant's helpdesk figures for a period, computed by the database. */
export class ReportService {
  constructor(private readonly defaultTimeZone: string) {}

  async report(ctx: RequestContext, input: ReportInput): Promise<Report> {
    const { merchantId } = ctx.requireMerchant();
    const p = parseInput(periodSchema, input);
    const timeZone = p.timeZone ?? this.defaultTimeZone;
    const staffId = p.staffId ?? null;
    if (staffId !== null && !(await ctx.em.count(Staff, { id: staffId }))) throw notFound(`Staff ${staffId}`);
    const conn = ctx.em.getConnection();
    const period = [merchantId, p.from, p.to, staffId, staffId];
    const [figures, reasons, hours] = (await Promise.all([
      conn.execute(FIGURES_SQL, [timeZone, ...period]),
      conn.execute(REASONS_SQL, [timeZone, ...period]),
      conn.execute(HOURS_SQL, [timeZone, ...period, timeZone, ...period]),
    ])) as unknown as [FigureRow[], ReasonRow[], { hour: number; conversations: number; contact_messages: number }[]];

    const reasonsOf = (pick: (r: ReasonRow) => boolean) => reasons.filter(pick).map((r) => ({ reason: r.reason, count: r.count }));
    const figuresOf = (r: FigureRow | undefined, reasonList: ReportFigures['handoffReasons']): ReportFigures => ({
      conversations: r?.conversations ?? 0,
      aiOnly: r?.ai_only ?? 0,
      aiOnlyRate: rate(r?.ai_only ?? 0, r?.conversations ?? 0),
      handedOff: r?.handed_off ?? 0,
      handoffRate: rate(r?.handed_off ?? 0, r?.conversations ?? 0),
      handoffReasons: reasonList,
      avgQueueWaitSeconds: round(r?.avg_wait ?? null),
      avgFirstResponseSeconds: round(r?.avg_first_response ?? null),
      avgResolutionSeconds: round(r?.avg_resolution ?? null),
      csatAverage: round(r?.csat_avg ?? null),
      csatCount: r?.csat_count ?? 0,
    });

    const isTotal = (r: { g_staff: number; g_agent: number; g_day: number }) => r.g_staff === 1 && r.g_agent === 1 && r.g_day === 1;
    const staffRows = figures.filter((r) => r.g_staff === 0);
    // Sessions no agent held are not an agent's.
    const agentRows = figures.filter((r) => r.g_agent === 0 && r.agent_id !== null);
    const [staffNames, agentNames] = await Promise.all([
      staffRows.length ? ctx.em.find(Staff, { id: { $in: staffRows.map((r) => r.staff_id!) } }, { fields: ['name'] }) : [],
      agentRows.length ? ctx.em.find(Agent, { id: { $in: agentRows.map((r) => r.agent_id!) } }, { fields: ['name'] }) : [],
    ]);
    const nameOf = (list: { id: number; name: string }[], id: number) => list.find((x) => x.id === id)?.name ?? '';

    return {
      from: p.from,
      to: p.to,
      timeZone,
      total: figuresOf(figures.find(isTotal), reasonsOf(isTotal)),
      byStaff: staffRows
        .map((r) => ({ id: r.staff_id!, name: nameOf(staffNames, r.staff_id!), ...figuresOf(r, reasonsOf((x) => x.g_staff === 0 && x.staff_id === r.staff_id)) }))
        .sort((a, b) => a.id - b.id),
      byAgent: agentRows
        .map((r) => ({ id: r.agent_id!, name: nameOf(agentNames, r.agent_id!), ...figuresOf(r, reasonsOf((x) => x.g_agent === 0 && x.agent_id === r.agent_id)) }))
        .sort((a, b) => a.id - b.id),
      byDay: figures
        .filter((r) => r.g_day === 0)
        .map((r) => ({ day: r.day!, ...figuresOf(r, reasonsOf((x) => x.g_day === 0 && x.day === r.day)) }))
        .sort((a, b) => a.day.localeCompare(b.day)),
      busiestHours: hours.map((h) => ({ hour: h.hour, conversations: h.conversations, contactMessages: h.contact_messages })),
    };
  }
}
