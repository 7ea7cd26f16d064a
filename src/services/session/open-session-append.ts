import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ChannelType } from '../../entities/contact/contact.entity.js';
import type { SessionStatus } from '../../entities/session/session.entity.js';
import { newMsgId } from '../webhook/webhook-outbox.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/** Where a message goes: the open session of a contact (its own message) or a session by id (the AI's answer). */
export type AppendTarget =
  | { kind: 'contact'; merchantId: number; staffId: number; channel: ChannelType; externalId: string }
  | { kind: 'session'; merchantId: number; sessionId: number };

export interface AppendValues {
  /** The session statuses in which the message goes in as it is, with no transition. */
  statuses: SessionStatus[];
  /** Also a pending session left as an offline message (the AI still answers it). */
  orOffline: boolean;
  preview: string;
  senderType: string;
  senderId: string;
  msgType: string;
  content: string;
  payload: Record<string, unknown> | null;
}

export interface AppendedRow {
  sessionId: number;
  staffId: number;
  status: SessionStatus;
  agentId: number | null;
  agentName: string | null;
  offlineMessage: boolean;
  channel: ChannelType;
  contactId: number;
  externalId: string;
  nickname: string;
  avatarUrl: string;
  messageId: number;
  seq: number;
  /** ISO 8601, as PostgreSQL writes it in JSON. */
  createdAt: string;
  /** The merchant's event number of the message's MESSAGE_ADDED. */
  eventSeq: string;
}

const STATUS_OK = `(s.status = any(?::text[]) or (? and s.status = 'pending' and s.offline_message))`;
const UPDATE_SESSION = `update session s set last_seq = s.last_seq + 1, message_count = s.message_count + 1, last_message = ?, last_message_at = now(), updated_at = now()`;
const SESSION_COLUMNS = 'returning s.id, s.merchant_id, s.staff_id, s.contact_id, s.status, s.agent_id, s.offline_message, s.channel, s.last_seq';

// The session's row lock (its UPDATE) serialises the session's messages and makes the full path, which locks
// the contact and then the session (session-journal.ts lockContact), wait for this statement. The contact's
// last activity is written at most once a minute: a row version per message would double what is written.
const BY_CONTACT = `c as (select id, external_id, nickname, avatar_url from contact where staff_id = ? and channel = ? and external_id = ?),
  s as (${UPDATE_SESSION} from c where s.contact_id = c.id and s.status <> 'closed' and ${STATUS_OK} ${SESSION_COLUMNS}),
  active as (update contact k set last_active_at = now() from s
    where k.id = s.contact_id and (k.last_active_at is null or k.last_active_at < now() - interval '1 minute'))`;

const BY_SESSION = `s as (${UPDATE_SESSION} where s.id = ? and s.merchant_id = ? and ${STATUS_OK} ${SESSION_COLUMNS}),
  c as (select id, external_id, nickname, avatar_url from contact where id = (select contact_id from s))`;

// What the full path writes in three more statements and a transaction: the event numbered and logged as
// EventLog writes it at commit (src/core/events/event-log.ts; the row lock on the merchant's event_sequence
// is held only to the end of this statement, so numbers stay dense and in commit order), and the
// `message.created` webhook queued as WebhookOutbox.enqueue does, its data as webhook-events.ts messageData.
// test/integration/short-append.test.ts checks that both come out exactly as the full path's.
const WRITES = `m as (
    insert into message (session_id, merchant_id, seq, sender_type, sender_id, msg_type, content, payload, channel)
    select s.id, s.merchant_id, s.last_seq, ?, ?, ?, ?, ?::jsonb, s.channel from s
    returning id, seq, created_at),
  q as (
    insert into event_sequence as q (merchant_id, last_seq) select s.merchant_id, 1 from s, m
    on conflict (merchant_id) do update set last_seq = q.last_seq + 1
    returning last_seq),
  l as (
    insert into event_log (merchant_id, seq, topic, payload)
    select s.merchant_id, q.last_seq, 'MESSAGE_ADDED', jsonb_build_object(
      'merchantId', s.merchant_id, 'staffId', s.staff_id, 'sessionId', s.id, 'contactId', s.contact_id, 'messageId', m.id,
      'seq', m.seq, 'senderType', ?::text, 'status', s.status, 'agentId', s.agent_id)
    from s, m, q),
  w as (
    insert into webhook_delivery (merchant_id, endpoint_id, msg_id, event_type, payload)
    select e.merchant_id, e.id, ?, 'message.created', jsonb_build_object('type', 'message.created', 'timestamp', ?::text, 'data', jsonb_build_object(
      'session_id', s.id, 'staff_id', s.staff_id, 'contact_id', s.contact_id, 'channel', s.channel, 'message_id', m.id, 'seq', m.seq,
      'sender_type', ?::text, 'sender_id', ?::text, 'msg_type', ?::text, 'content', ?::text, 'payload', ?::jsonb))
    from webhook_endpoint e, s, m
    where e.merchant_id = s.merchant_id and e.enabled and e.event_types @> '["message.created"]'::jsonb)
  select s.id as "sessionId", s.staff_id as "staffId", s.status, s.agent_id as "agentId", a.name as "agentName", s.offline_message as "offlineMessage",
    s.channel, c.id as "contactId", c.external_id as "externalId", c.nickname, c.avatar_url as "avatarUrl", m.id as "messageId", m.seq,
    to_json(m.created_at) #>> '{}' as "createdAt", q.last_seq as "eventSeq"
  from s join c on c.id = s.contact_id cross join m cross join q left join agent a on a.id = s.agent_id`;

/** `?` placeholders as PostgreSQL's `$n` (none of these statements has a `?` of its own). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

// Named, so each pooled connection parses and plans them once: planning this statement took longer than
// running it (0.29 against 0.19 ms, EXPLAIN ANALYZE), on every message.
const STATEMENTS = {
  contact: { name: 'append-to-contact-session', text: numbered(`with ${BY_CONTACT}, ${WRITES}`) },
  session: { name: 'append-to-session', text: numbered(`with ${BY_SESSION}, ${WRITES}`) },
};

interface PreparedQuery {
  name: string;
  text: string;
  values: unknown[];
}

/** The pooled connection as node-postgres has it: named statements are its own, not knex's or MikroORM's. */
interface PgClient {
  query(q: PreparedQuery | string): Promise<{ rows: AppendedRow[] }>;
}

/** The one statement of an append, with its parameters. */
function appendStatement(target: AppendTarget, v: AppendValues): PreparedQuery {
  const status = [`{${v.statuses.join(',')}}`, v.orOffline];
  const payload = v.payload === null ? null : JSON.stringify(v.payload);
  const writes = [
    ...[v.senderType, v.senderId, v.msgType, v.content, payload],
    v.senderType,
    ...[newMsgId(), new Date().toISOString(), v.senderType, v.senderId, v.msgType, v.content, payload],
  ];
  const params =
    target.kind === 'contact'
      ? [target.staffId, target.channel, target.externalId, v.preview, ...status]
      : [v.preview, target.sessionId, target.merchantId, ...status];
  return { ...STATEMENTS[target.kind], values: [...params, ...writes] };
}

/** Runs `work` on a connection of the pool, outside any ORM transaction (the short path has none). */
async function withConnection<T>(em: EntityManager, work: (client: PgClient) => Promise<T>): Promise<T> {
  const knex = em.getConnection().getKnex().client as { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<unknown> };
  const client = await knex.acquireConnection();
  try {
    return await work(client);
  } finally {
    await knex.releaseConnection(client);
  }
}

/**
 * Appends a message to a session that needs nothing but the append (no transition, no notice, no delivery
 * to a channel), with its event and webhooks, in one statement: the short path of the conversation intake.
 * Answers null, having written nothing, when the session is not open in one of `statuses`.
 */
async function appendToOpenSession(em: EntityManager, target: AppendTarget, v: AppendValues): Promise<AppendedRow | null> {
  return withConnection(em, async (c) => (await c.query(appendStatement(target, v))).rows[0] ?? null);
}

/** Several appends in one transaction on one connection: one commit for all, all or none. */
async function appendManyToOpenSessions(em: EntityManager, jobs: { target: AppendTarget; values: AppendValues }[]): Promise<(AppendedRow | null)[]> {
  return withConnection(em, async (c) => {
    await c.query('begin');
    try {
      const rows: (AppendedRow | null)[] = [];
      for (const j of jobs) rows.push((await c.query(appendStatement(j.target, j.values))).rows[0] ?? null);
      await c.query('commit');
      return rows;
    } catch (err) {
      await c.query('rollback').catch(() => undefined);
      throw err;
    }
  });
}

interface Job {
  target: AppendTarget;
  values: AppendValues;
  resolve: (row: AppendedRow | null) => void;
  reject: (err: unknown) => void;
}

/**
 * The short appends of each merchant in this process, one write at a time: the first goes at once, as its
 * one statement; those that arrive while it runs go after it together, in one transaction. Each append
 * numbers an event on the merchant's `event_sequence` row, which stays locked until its commit is on disk:
 * a busy merchant's messages would otherwise queue for a commit each (measured: `npm run bench:realtime`).
 */
export class ShortAppends {
  /** Per merchant with a write running, the appends waiting for it. */
  private readonly waiting = new Map<number, Job[]>();

  constructor(
    private readonly orm: MikroORM,
    private readonly maxBatch = 64,
  ) {}

  append(target: AppendTarget, values: AppendValues): Promise<AppendedRow | null> {
    return new Promise((resolve, reject) => {
      const job = { target, values, resolve, reject };
      const queue = this.waiting.get(target.merchantId);
      if (queue) return void queue.push(job);
      this.waiting.set(target.merchantId, []);
      void this.drain(target.merchantId, [job]);
    });
  }

  private async drain(merchantId: number, first: Job[]): Promise<void> {
    for (let batch = first; batch.length; batch = this.waiting.get(merchantId)!.splice(0, this.maxBatch)) await this.write(batch);
    this.waiting.delete(merchantId);
  }

  /** Writes a batch in order; should one statement fail, each is written again on its own, so a failure stays its own. */
  private async write(batch: Job[]): Promise<void> {
    if (batch.length === 1) {
      const [job] = batch as [Job];
      return appendToOpenSession(crossTenantEm(this.orm), job.target, job.values).then(job.resolve, job.reject);
    }
    let rows: (AppendedRow | null)[];
    try {
      rows = await appendManyToOpenSessions(crossTenantEm(this.orm), batch);
    } catch {
      for (const job of batch) await this.write([job]);
      return;
    }
    batch.forEach((job, i) => job.resolve(rows[i]!));
  }
}
