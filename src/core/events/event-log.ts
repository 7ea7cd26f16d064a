import type { TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LoggedEvent, LoggedTopic } from './event-bus.js';
import { crossTenantEm } from '../db/tenancy.js';

type Pending = { topic: LoggedTopic; event: LoggedEvent['event'] }[];

/**
 * The durable side of the conversation events (tables in Migration20261201110000_event_log). An event recorded
 * on a transaction is written when that transaction commits, with the next number of its merchant: the
 * `event_sequence` row is incremented last, so it is locked only for the commit itself, and numbers come out
 * dense and in commit order (a rolled-back transaction gives its numbers back). Pub/sub then only has to be
 * fast: whatever it loses is read back from here by number.
 */
export class EventLog {
  private readonly pending = new WeakMap<EntityManager, Pending>();

  constructor(private readonly orm: MikroORM) {
    // Fired by MikroORM just before a root transaction commits, after its last flush (so every id is known).
    orm.em.getEventManager().registerSubscriber({ beforeTransactionCommit: (args: TransactionEventArgs) => this.write(args) });
  }

  /** Queues the event on `tx`; its `eventSeq` is set when `tx` commits, before anything can publish it. */
  record(tx: EntityManager, topic: LoggedTopic, event: LoggedEvent['event']): void {
    // An event outside a transaction would be published without a number, and so could not be caught up.
    if (!tx.isInTransaction()) throw new Error(`${topic} must be recorded inside a transaction`);
    let list = this.pending.get(tx);
    if (!list) this.pending.set(tx, (list = []));
    list.push({ topic, event });
  }

  private async write({ em, transaction }: TransactionEventArgs): Promise<void> {
    const list = this.pending.get(em as EntityManager);
    if (!list?.length) return;
    this.pending.delete(em as EntityManager);
    const byMerchant = new Map<number, Pending>();
    for (const p of list) {
      const m = byMerchant.get(p.event.merchantId) ?? [];
      m.push(p);
      byMerchant.set(p.event.merchantId, m);
    }
    // In merchant order, so two transactions touching the same merchants never wait on each other in a cycle.
    for (const [merchantId, items] of [...byMerchant].sort((a, b) => a[0] - b[0])) {
      const rows = await em.getConnection().execute<{ last_seq: string }[]>(
        `with s as (
           insert into event_sequence as q (merchant_id, last_seq) values (?, ?)
           on conflict (merchant_id) do update set last_seq = q.last_seq + excluded.last_seq
           returning last_seq),
         ins as (
           insert into event_log (merchant_id, seq, topic, payload)
           select ?, s.last_seq - ? + t.ord, t.e->>'topic', t.e->'payload'
           from s, jsonb_array_elements(?::jsonb) with ordinality as t(e, ord))
         select last_seq from s`,
        [merchantId, items.length, merchantId, items.length, JSON.stringify(items.map((i) => ({ topic: i.topic, payload: { ...i.event, eventSeq: undefined, facts: undefined } })))],
        'all',
        transaction,
      );
      const last = Number(rows[0]!.last_seq);
      items.forEach((item, i) => (item.event.eventSeq = last - items.length + 1 + i));
    }
  }

  /** The merchant's events numbered `after + 1` to `upTo` (inclusive), oldest first, at most `limit`. */
  async read(merchantId: number, after: number, upTo = Number.MAX_SAFE_INTEGER, limit = 1000): Promise<LoggedEvent[]> {
    const rows = await crossTenantEm(this.orm).getConnection().execute<{ seq: string; topic: LoggedTopic; payload: LoggedEvent['event'] }[]>(
      'select seq, topic, payload from event_log where merchant_id = ? and seq > ? and seq <= ? order by seq limit ?',
      [merchantId, after, upTo, limit],
    );
    return rows.map((r) => ({ topic: r.topic, event: { ...r.payload, eventSeq: Number(r.seq) } }) as LoggedEvent);
  }

  /** The last number given out, per merchant that has any. */
  async heads(): Promise<Map<number, number>> {
    const rows = await crossTenantEm(this.orm).getConnection().execute<{ merchant_id: number; last_seq: string }[]>('select merchant_id, last_seq from event_sequence');
    return new Map(rows.map((r) => [r.merchant_id, Number(r.last_seq)]));
  }

  /** The merchant's last number (0 before its first event) and the oldest number still kept (null: none kept). */
  async bounds(merchantId: number): Promise<{ head: number; oldest: number | null }> {
    const [row] = await crossTenantEm(this.orm).getConnection().execute<{ head: string | null; oldest: string | null }[]>(
      'select (select last_seq from event_sequence where merchant_id = ?) as head, (select min(seq) from event_log where merchant_id = ?) as oldest',
      [merchantId, merchantId],
    );
    return { head: Number(row?.head ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) };
  }

  /** Forgets events older than `retentionMs`; a stream behind them resumes with a resync instead. */
  async prune(retentionMs: number): Promise<number> {
    const res = await crossTenantEm(this.orm).getConnection().execute<{ affectedRows?: number }>(
      `delete from event_log where created_at < now() - (? * interval '1 millisecond')`,
      [retentionMs],
      'run',
    );
    return res.affectedRows ?? 0;
  }
}
